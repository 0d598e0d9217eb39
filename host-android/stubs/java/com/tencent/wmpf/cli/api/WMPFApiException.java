// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.cli.api;

public class WMPFApiException extends Exception {
    private static final long serialVersionUID = 1L;

    public WMPFApiException(int errType, int errCode, String errMsg) {
        throw new RuntimeException("Stub!");
    }

    public int getErrType() {
        throw new RuntimeException("Stub!");
    }

    public int getErrCode() {
        throw new RuntimeException("Stub!");
    }

    public String getErrMsg() {
        throw new RuntimeException("Stub!");
    }
}
