// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.cli.api;

import com.tencent.wmpf.cli.model.protocol.WMPFGetMiniProgramDeviceInfoResponse;
import com.tencent.wmpf.proto.WMPFPrefetchDeviceTokenResponse;
import com.tencent.wmpf.proto.WMPFRegisterMiniProgramDeviceResponse;

public class WMPFMiniProgramDeviceApi {
    private WMPFMiniProgramDeviceApi() {
    }

    public WMPFGetMiniProgramDeviceInfoResponse getMiniProgramDeviceInfo() throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    public WMPFRegisterMiniProgramDeviceResponse registerMiniProgramDevice(
            String appId, String modelId, String sn, String snTicket) throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    public WMPFPrefetchDeviceTokenResponse prefetchDeviceToken() throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }
}
