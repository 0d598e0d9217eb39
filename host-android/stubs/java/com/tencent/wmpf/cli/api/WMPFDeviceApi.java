// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.cli.api;

import com.tencent.wmpf.cli.event.AbstractOnDeviceActivationOutdatedEventListener;
import com.tencent.wmpf.cli.event.AbstractOnPushMsgEventListener;
import com.tencent.wmpf.proto.WMPFPushTokenResponse;

public final class WMPFDeviceApi {
    private WMPFDeviceApi() {
    }

    public void activateDevice() throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    public boolean isDeviceActivated() throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    public void wakeupWMPFIfNeed() {
        throw new RuntimeException("Stub!");
    }

    @Deprecated
    public synchronized void setPushMsgCallback(PushMsgCallback callback) throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    public synchronized void registerPushMsgEventListener(AbstractOnPushMsgEventListener listener)
            throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    public WMPFPushTokenResponse getPushToken(String appId) throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    public synchronized void registerDeviceActivationOutdatedEventListener(
            AbstractOnDeviceActivationOutdatedEventListener listener) throws WMPFApiException {
        throw new RuntimeException("Stub!");
    }

    @Deprecated
    public interface PushMsgCallback {
        void onPushMsg(String message);
    }
}
