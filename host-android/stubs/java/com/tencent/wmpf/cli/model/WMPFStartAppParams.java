// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.cli.model;

public final class WMPFStartAppParams {
    public WMPFStartAppParams(String appId, String path, WMPFAppType appType) {
        throw new RuntimeException("Stub!");
    }

    public enum WMPFAppType {
        APP_TYPE_RELEASE,
        APP_TYPE_DEV,
        APP_TYPE_EXP
    }
}
