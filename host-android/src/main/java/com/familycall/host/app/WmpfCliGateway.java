package com.familycall.host.app;

import com.familycall.host.core.DeviceInfo;
import com.familycall.host.core.PushMessageHandler;
import com.familycall.host.core.RegistrationResult;
import com.familycall.host.core.WmpfCallException;
import com.familycall.host.core.WmpfGateway;
import com.tencent.wmpf.cli.api.WMPF;
import com.tencent.wmpf.cli.api.WMPFApiException;
import com.tencent.wmpf.cli.api.WMPFDeviceApi;
import com.tencent.wmpf.cli.api.WMPFLifecycleListener;
import com.tencent.wmpf.cli.event.AbstractOnPushMsgEventListener;
import com.tencent.wmpf.cli.event.WMPFPushMsgData;
import com.tencent.wmpf.cli.model.WMPFStartAppParams;
import com.tencent.wmpf.cli.model.protocol.WMPFGetMiniProgramDeviceInfoResponse;
import com.tencent.wmpf.proto.WMPFPrefetchDeviceTokenResponse;
import com.tencent.wmpf.proto.WMPFRegisterMiniProgramDeviceResponse;

/** wmpf-cli 2.2.0 behind {@link WmpfGateway}: one call each, every failure turned into a WmpfCallException. */
final class WmpfCliGateway implements WmpfGateway {
    /** errType/errCode we use for failures that are not a WMPFApiException. */
    private static final int NOT_WMPF_ERROR = -1;

    @Override
    public DeviceInfo getMiniProgramDeviceInfo() throws WmpfCallException {
        try {
            WMPFGetMiniProgramDeviceInfoResponse info =
                    WMPF.getInstance().getMiniProgramDeviceApi().getMiniProgramDeviceInfo();
            return info == null ? null : new DeviceInfo(info.isRegistered(), info.getSn(), info.getModelId());
        } catch (WMPFApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public String prefetchDeviceToken() throws WmpfCallException {
        try {
            WMPFPrefetchDeviceTokenResponse response = WMPF.getInstance().getMiniProgramDeviceApi().prefetchDeviceToken();
            // errMsg is a public field of the response (wmpf-cli 2.2.0 has no getter for it).
            return response == null ? "prefetchDeviceToken returned no response" : response.errMsg;
        } catch (WMPFApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public RegistrationResult registerMiniProgramDevice(String appId, String modelId, String sn, String snTicket)
            throws WmpfCallException {
        try {
            WMPFRegisterMiniProgramDeviceResponse response =
                    WMPF.getInstance().getMiniProgramDeviceApi().registerMiniProgramDevice(appId, modelId, sn, snTicket);
            if (response == null) throw new WmpfCallException(NOT_WMPF_ERROR, NOT_WMPF_ERROR, "no response");
            return new RegistrationResult(response.code, response.errMsg);
        } catch (WMPFApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public void launchMiniProgram(String appId, String path, int appType) throws WmpfCallException {
        WMPFStartAppParams.WMPFAppType[] types = WMPFStartAppParams.WMPFAppType.values();
        if (appType < 0 || appType >= types.length) {
            throw new WmpfCallException(NOT_WMPF_ERROR, NOT_WMPF_ERROR, "appType out of range");
        }
        try {
            WMPF.getInstance().getMiniProgramApi().launchMiniProgram(new WMPFStartAppParams(appId, path, types[appType]));
        } catch (WMPFApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public void closeWxaApp(String appId, boolean keepRunning) throws WmpfCallException {
        try {
            WMPF.getInstance().getMiniProgramApi().closeWxaApp(appId, keepRunning);
        } catch (WMPFApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public void registerPushMsgEventListener(final PushMessageHandler handler) throws WmpfCallException {
        try {
            WMPF.getInstance().getDeviceApi().registerPushMsgEventListener(new AbstractOnPushMsgEventListener() {
                @Override
                public void onInvoke(WMPFPushMsgData data) {
                    handler.onPushMessage(data == null ? null : data.getMessage());
                }
            });
        } catch (WMPFApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** Deprecated since wmpf-cli 2.2.0, yet the only push API of WMPF 2.1, which this host still serves. */
    @SuppressWarnings("deprecation")
    @Override
    public void setPushMsgCallback(final PushMessageHandler handler) throws WmpfCallException {
        try {
            WMPF.getInstance().getDeviceApi().setPushMsgCallback(new WMPFDeviceApi.PushMsgCallback() {
                @Override
                public void onPushMsg(String message) {
                    handler.onPushMessage(message);
                }
            });
        } catch (WMPFApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public void addWmpfRestartListener(final Runnable onRestart) throws WmpfCallException {
        try {
            WMPF.getInstance().addWMPFLifecycleListener(new WMPFLifecycleListener() {
                @Override
                public void onWMPFRestart() {
                    onRestart.run();
                }
            });
        } catch (WMPFApiException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private static WmpfCallException failure(WMPFApiException e) {
        return new WmpfCallException(e.getErrType(), e.getErrCode(), e.getErrMsg());
    }

    /** The AAR's own runtime failures (service not bound, ...): their text is not WMPF's, keep only the type. */
    private static WmpfCallException failure(RuntimeException e) {
        return new WmpfCallException(NOT_WMPF_ERROR, NOT_WMPF_ERROR, e.getClass().getSimpleName());
    }
}
