package com.familycall.host.app;

import com.familycall.host.core.DeviceInfo;
import com.familycall.host.core.PushMessageHandler;
import com.familycall.host.core.PushToken;
import com.familycall.host.core.RegistrationResult;
import com.familycall.host.core.WmpfCallException;
import com.familycall.host.core.WmpfGateway;
import com.tencent.mm.ipcinvoker.type.IPCVoid;
import com.tencent.wmpf.app.WMPFBoot;
import com.tencent.wmpf.cli.api.WMPF;
import com.tencent.wmpf.cli.api.WMPFApiException;
import com.tencent.wmpf.cli.api.WMPFDeviceApi;
import com.tencent.wmpf.cli.api.WMPFLifecycleListener;
import com.tencent.wmpf.cli.event.AbstractOnDeviceActivationOutdatedEventListener;
import com.tencent.wmpf.cli.event.AbstractOnPushMsgEventListener;
import com.tencent.wmpf.cli.event.WMPFPushMsgData;
import com.tencent.wmpf.cli.model.WMPFDevice;
import com.tencent.wmpf.cli.model.WMPFStartAppParams;
import com.tencent.wmpf.cli.model.protocol.WMPFGetMiniProgramDeviceInfoResponse;
import com.tencent.wmpf.proto.WMPFPrefetchDeviceTokenResponse;
import com.tencent.wmpf.proto.WMPFPushTokenResponse;
import com.tencent.wmpf.proto.WMPFRegisterMiniProgramDeviceResponse;

/** wmpf-cli 2.2.0 behind {@link WmpfGateway}: one call each, every failure turned into a WmpfCallException. */
final class WmpfCliGateway implements WmpfGateway {
    /** errType/errCode we use for failures that are not a WMPFApiException. */
    private static final int NOT_WMPF_ERROR = -1;

    /** One wmpf-cli call. */
    private interface WmpfCall<T> {
        T run() throws WMPFApiException;
    }

    @Override
    public DeviceInfo getMiniProgramDeviceInfo() throws WmpfCallException {
        return call(() -> {
            WMPFGetMiniProgramDeviceInfoResponse info =
                    WMPF.getInstance().getMiniProgramDeviceApi().getMiniProgramDeviceInfo();
            return info == null ? null : new DeviceInfo(info.isRegistered(), info.getSn(), info.getModelId());
        });
    }

    @Override
    public String prefetchDeviceToken() throws WmpfCallException {
        return call(() -> {
            WMPFPrefetchDeviceTokenResponse response = WMPF.getInstance().getMiniProgramDeviceApi().prefetchDeviceToken();
            // errMsg is a public field of the response (wmpf-cli 2.2.0 has no getter for it).
            return response == null ? "prefetchDeviceToken returned no response" : response.errMsg;
        });
    }

    @Override
    public RegistrationResult registerMiniProgramDevice(String appId, String modelId, String sn, String snTicket)
            throws WmpfCallException {
        WMPFRegisterMiniProgramDeviceResponse response = call(() ->
                WMPF.getInstance().getMiniProgramDeviceApi().registerMiniProgramDevice(appId, modelId, sn, snTicket));
        if (response == null) throw new WmpfCallException(NOT_WMPF_ERROR, NOT_WMPF_ERROR, "no response");
        return new RegistrationResult(response.code, response.errMsg);
    }

    @Override
    public void launchMiniProgram(String appId, String path, int appType) throws WmpfCallException {
        WMPFStartAppParams.WMPFAppType[] types = WMPFStartAppParams.WMPFAppType.values();
        if (appType < 0 || appType >= types.length) {
            throw new WmpfCallException(NOT_WMPF_ERROR, NOT_WMPF_ERROR, "appType out of range");
        }
        call(() -> {
            WMPF.getInstance().getMiniProgramApi().launchMiniProgram(new WMPFStartAppParams(appId, path, types[appType]));
            return null;
        });
    }

    @Override
    public void closeWxaApp(String appId, boolean keepRunning) throws WmpfCallException {
        call(() -> {
            WMPF.getInstance().getMiniProgramApi().closeWxaApp(appId, keepRunning);
            return null;
        });
    }

    @Override
    public void registerPushMsgEventListener(final PushMessageHandler handler) throws WmpfCallException {
        call(() -> {
            WMPF.getInstance().getDeviceApi().registerPushMsgEventListener(new AbstractOnPushMsgEventListener() {
                @Override
                public void onInvoke(WMPFPushMsgData data) {
                    handler.onPushMessage(data == null ? null : data.getMessage());
                }
            });
            return null;
        });
    }

    /** Deprecated since wmpf-cli 2.2.0, yet the only push API of WMPF 2.1, which this host still serves. */
    @SuppressWarnings("deprecation")
    @Override
    public void setPushMsgCallback(final PushMessageHandler handler) throws WmpfCallException {
        call(() -> {
            WMPF.getInstance().getDeviceApi().setPushMsgCallback(new WMPFDeviceApi.PushMsgCallback() {
                @Override
                public void onPushMsg(String message) {
                    handler.onPushMessage(message);
                }
            });
            return null;
        });
    }

    @Override
    public void addWmpfRestartListener(final Runnable onRestart) throws WmpfCallException {
        call(() -> {
            WMPF.getInstance().addWMPFLifecycleListener(new WMPFLifecycleListener() {
                @Override
                public void onWMPFRestart() {
                    onRestart.run();
                }
            });
            return null;
        });
    }

    @Override
    public void addActivationOutdatedListener(final Runnable onOutdated) throws WmpfCallException {
        call(() -> {
            WMPF.getInstance().getDeviceApi().registerDeviceActivationOutdatedEventListener(
                    new AbstractOnDeviceActivationOutdatedEventListener() {
                        @Override
                        public void onInvoke(IPCVoid nothing) {
                            onOutdated.run();
                        }
                    });
            return null;
        });
    }

    /** WMPFBoot.init(context) sets a blank WMPFDevice; init(context, device) the activation's. */
    @Override
    public String activatedDeviceId() {
        WMPFDevice device = WMPFBoot.getWMPFDevice();
        return device == null ? null : device.getDeviceId();
    }

    @Override
    public boolean isDeviceActivated() throws WmpfCallException {
        Boolean activated = call(() -> WMPF.getInstance().getDeviceApi().isDeviceActivated());
        return activated != null && activated;
    }

    @Override
    public void activateDevice() throws WmpfCallException {
        call(() -> {
            WMPF.getInstance().getDeviceApi().activateDevice();
            return null;
        });
    }

    @Override
    public void wakeUpWmpf() {
        try {
            WMPF.getInstance().getDeviceApi().wakeupWMPFIfNeed();
        } catch (RuntimeException e) {
            // Best effort: the push binding and the token upload retry until WMPF is up.
        }
    }

    @Override
    public PushToken getPushToken(String appId) throws WmpfCallException {
        return call(() -> {
            WMPFPushTokenResponse response = WMPF.getInstance().getDeviceApi().getPushToken(appId);
            // pushToken and expireTimestamp are public fields in wmpf-cli 2.2.0 (no getters).
            return response == null ? null : new PushToken(response.pushToken, response.expireTimestamp);
        });
    }

    /**
     * Runs one wmpf-cli call. A WMPFApiException keeps WMPF's codes and text; the AAR's own runtime failures
     * (service not bound, ...) keep only their type: their text is not WMPF's.
     */
    private static <T> T call(WmpfCall<T> call) throws WmpfCallException {
        try {
            return call.run();
        } catch (WMPFApiException e) {
            throw new WmpfCallException(e.getErrType(), e.getErrCode(), e.getErrMsg());
        } catch (RuntimeException e) {
            throw new WmpfCallException(NOT_WMPF_ERROR, NOT_WMPF_ERROR, e.getClass().getSimpleName());
        }
    }
}
