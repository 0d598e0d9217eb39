// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.cli.model.protocol;

public class WMPFGetMiniProgramDeviceInfoResponse {
    public WMPFGetMiniProgramDeviceInfoResponse() {
        throw new RuntimeException("Stub!");
    }

    public boolean isRegistered() {
        throw new RuntimeException("Stub!");
    }

    public String getSn() {
        throw new RuntimeException("Stub!");
    }

    public String getModelId() {
        throw new RuntimeException("Stub!");
    }
}
