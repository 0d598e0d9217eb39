// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.cli.event;

import android.os.Parcelable;

public abstract class WMPFClientEventListener<T extends Parcelable> {
    public WMPFClientEventListener() {
        throw new RuntimeException("Stub!");
    }

    public abstract void onInvoke(T data);
}
