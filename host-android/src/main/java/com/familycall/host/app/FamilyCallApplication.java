package com.familycall.host.app;

import android.app.Application;
import com.tencent.wmpf.app.WMPFBoot;

/** Host start: wmpf-cli first (replies and events go through WMPFBoot's context), then the push listener. */
public class FamilyCallApplication extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
        // Devices that activate through the host use WMPFBoot.init(context, WMPFDevice) instead.
        WMPFBoot.init(this);
        HostRuntime.get(this).start();
    }
}
