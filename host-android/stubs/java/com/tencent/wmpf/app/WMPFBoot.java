// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.app;

import android.content.Context;
import com.tencent.wmpf.cli.model.WMPFDevice;

public class WMPFBoot {
    private WMPFBoot() {
    }

    public static synchronized void init(Context context, WMPFDevice device) {
        throw new RuntimeException("Stub!");
    }

    public static synchronized void init(Context context) {
        throw new RuntimeException("Stub!");
    }

    public static WMPFDevice getWMPFDevice() {
        throw new RuntimeException("Stub!");
    }
}
