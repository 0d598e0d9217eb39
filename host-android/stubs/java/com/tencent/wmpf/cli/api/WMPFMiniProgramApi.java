// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.cli.api;

import com.tencent.wmpf.cli.model.WMPFStartAppParams;

public final class WMPFMiniProgramApi {
    private WMPFMiniProgramApi() {
    }

    public void launchMiniProgram(WMPFStartAppParams params) throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    public void closeWxaApp(String appId, boolean keepRunning) throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }
}
