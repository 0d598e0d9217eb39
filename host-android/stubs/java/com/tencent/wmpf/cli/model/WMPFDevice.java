// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.cli.model;

import android.os.Parcelable;

public final class WMPFDevice implements Parcelable {
    public WMPFDevice(String hostAppId, int productId, int keyVersion, String deviceId, String signature) {
        throw new RuntimeException("Stub!");
    }

    public String getDeviceId() {
        throw new RuntimeException("Stub!");
    }
}
