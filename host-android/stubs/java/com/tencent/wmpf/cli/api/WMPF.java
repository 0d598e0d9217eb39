// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.cli.api;

public final class WMPF {
    private WMPF() {
    }

    public static WMPF getInstance() {
        throw new RuntimeException("Stub!");
    }

    public void addWMPFLifecycleListener(WMPFLifecycleListener listener) throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    public WMPFMiniProgramApi getMiniProgramApi() {
        throw new RuntimeException("Stub!");
    }

    public WMPFDeviceApi getDeviceApi() {
        throw new RuntimeException("Stub!");
    }

    public WMPFMiniProgramDeviceApi getMiniProgramDeviceApi() {
        throw new RuntimeException("Stub!");
    }
}
