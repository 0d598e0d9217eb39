package com.familycall.host.core;

/**
 * The WMPF client calls the host makes (on Android: {@code WmpfCliGateway} over wmpf-cli). Every method is blocking
 * IPC: call it from a worker thread, never the main thread.
 */
public interface WmpfGateway {
    /** WMPFMiniProgramDeviceApi.getMiniProgramDeviceInfo() — WMPF >= 2.2.0. */
    DeviceInfo getMiniProgramDeviceInfo() throws WmpfCallException;

    /** WMPFMiniProgramDeviceApi.prefetchDeviceToken() — WMPF >= 2.1.0. Returns the response's errMsg. */
    String prefetchDeviceToken() throws WmpfCallException;

    /** WMPFMiniProgramDeviceApi.registerMiniProgramDevice(appId, modelId, sn, snTicket) — WMPF >= 2.1.0. */
    RegistrationResult registerMiniProgramDevice(String appId, String modelId, String sn, String snTicket)
            throws WmpfCallException;

    /** WMPFMiniProgramApi.launchMiniProgram(new WMPFStartAppParams(appId, path, WMPFAppType.values()[appType])). */
    void launchMiniProgram(String appId, String path, int appType) throws WmpfCallException;

    /** WMPFMiniProgramApi.closeWxaApp(appId, keepRunning). */
    void closeWxaApp(String appId, boolean keepRunning) throws WmpfCallException;

    /** WMPFDeviceApi.registerPushMsgEventListener — WMPF >= 2.2.0; WMPF re-binds it after a restart. */
    void registerPushMsgEventListener(PushMessageHandler handler) throws WmpfCallException;

    /** WMPFDeviceApi.setPushMsgCallback — WMPF 2.1; lost when WMPF restarts. */
    void setPushMsgCallback(PushMessageHandler handler) throws WmpfCallException;

    /** WMPF.addWMPFLifecycleListener with onWMPFRestart() running the given task. */
    void addWmpfRestartListener(Runnable onRestart) throws WmpfCallException;

    /**
     * WMPFDeviceApi.registerDeviceActivationOutdatedEventListener — WMPF >= 2.2.0: the activation timed out or this
     * deviceId was activated elsewhere.
     */
    void addActivationOutdatedListener(Runnable onOutdated) throws WmpfCallException;

    /**
     * WMPFBoot.getWMPFDevice().getDeviceId(): the deviceId this host initialised WMPF with (its activation).
     * Null or "" when the host was started with WMPFBoot.init(context), which sets a blank device. Not IPC.
     */
    String activatedDeviceId();

    /** WMPFDeviceApi.isDeviceActivated(). */
    boolean isDeviceActivated() throws WmpfCallException;

    /** WMPFDeviceApi.activateDevice(). */
    void activateDevice() throws WmpfCallException;

    /** WMPFDeviceApi.wakeupWMPFIfNeed(): starts WMPF's process when it is not running (at boot). Never throws. */
    void wakeUpWmpf();

    /** WMPFDeviceApi.getPushToken(appId) — WMPF >= 2.1.0. Null when WMPF answered nothing. */
    PushToken getPushToken(String appId) throws WmpfCallException;
}
