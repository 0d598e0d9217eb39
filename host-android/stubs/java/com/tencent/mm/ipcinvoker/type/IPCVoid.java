// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.mm.ipcinvoker.type;

import android.os.Parcelable;

public class IPCVoid implements Parcelable {
    public IPCVoid() {
        throw new RuntimeException("Stub!");
    }
}
