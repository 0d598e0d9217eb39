package com.familycall.host.app;

import android.app.Application;
import com.familycall.host.core.WmpfDeviceIdentity;
import com.tencent.wmpf.app.WMPFBoot;
import com.tencent.wmpf.cli.model.WMPFDevice;

/**
 * Host start (every process start: boot, update, the system restarting it): wmpf-cli first (replies and events go
 * through WMPFBoot's context), with this device's activation when one was provisioned, then HostRuntime.start.
 */
public class FamilyCallApplication extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
        HostRuntime runtime = HostRuntime.get(this);
        WmpfDeviceIdentity device = runtime.wmpfDevice();
        if (device != null) {
            WMPFBoot.init(this, new WMPFDevice(device.hostAppId, device.productId, device.keyVersion, device.deviceId,
                    device.signature));
        } else {
            // A blank device: WMPF uses its own activation, and registration is refused (no deviceId to check).
            WMPFBoot.init(this);
        }
        runtime.start();
    }
}
