package com.familycall.host.core;

import static com.familycall.host.core.Fakes.MODEL_ID;
import static com.familycall.host.core.Fakes.PUSH_EXPIRES_S;
import static com.familycall.host.core.Fakes.PUSH_TOKEN;
import static com.familycall.host.core.Fakes.SN;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** WMPF as the host sees it: answers, fails or blocks as each test says; nothing kinder than the real one. */
final class FakeWmpf implements WmpfGateway {
    final Fakes.Timeline timeline;
    DeviceInfo deviceInfo = new DeviceInfo(true, SN, MODEL_ID);
    WmpfCallException deviceInfoFailure;
    RuntimeException deviceInfoCrash;
    String prefetchErrMsg;
    WmpfCallException prefetchFailure;
    RegistrationResult registration = new RegistrationResult(0, null);
    WmpfCallException registrationFailure;
    WmpfCallException launchFailure;
    WmpfCallException closeFailure;
    int pushBindFailuresLeft;
    /** When set, prefetchDeviceToken waits for it (a prefetch stuck on the network). */
    CountDownLatch prefetchGate;
    /** When set, getMiniProgramDeviceInfo runs it first (to observe concurrency). */
    Runnable onDeviceInfo;
    final AtomicInteger deviceInfoInFlight = new AtomicInteger();
    final AtomicInteger deviceInfoMaxInFlight = new AtomicInteger();
    final CountDownLatch launched = new CountDownLatch(1);
    PushMessageHandler pushHandler;
    Runnable restartListener;
    Runnable outdatedListener;
    /** WMPFBoot.getWMPFDevice().getDeviceId(): the activation's deviceId ("" after WMPFBoot.init(context)). */
    String activatedDeviceId = SN;
    boolean activated = true;
    WmpfCallException activationFailure;
    PushToken pushToken = new PushToken(PUSH_TOKEN, PUSH_EXPIRES_S);
    WmpfCallException pushTokenFailure;

    FakeWmpf(Fakes.Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public DeviceInfo getMiniProgramDeviceInfo() throws WmpfCallException {
        int inFlight = deviceInfoInFlight.incrementAndGet();
        deviceInfoMaxInFlight.accumulateAndGet(inFlight, Math::max);
        try {
            timeline.add("getMiniProgramDeviceInfo");
            if (onDeviceInfo != null) onDeviceInfo.run();
            if (deviceInfoCrash != null) throw deviceInfoCrash;
            if (deviceInfoFailure != null) throw deviceInfoFailure;
            return deviceInfo;
        } finally {
            deviceInfoInFlight.decrementAndGet();
        }
    }

    @Override
    public String prefetchDeviceToken() throws WmpfCallException {
        timeline.add("prefetchDeviceToken");
        if (prefetchGate != null) {
            try {
                prefetchGate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (prefetchFailure != null) throw prefetchFailure;
        return prefetchErrMsg;
    }

    @Override
    public RegistrationResult registerMiniProgramDevice(String appId, String modelId, String sn, String snTicket)
            throws WmpfCallException {
        timeline.add("registerMiniProgramDevice " + appId + " " + modelId);
        if (registrationFailure != null) throw registrationFailure;
        if (registration.succeeded()) deviceInfo = new DeviceInfo(true, sn, modelId);
        return registration;
    }

    @Override
    public void launchMiniProgram(String appId, String path, int appType) throws WmpfCallException {
        timeline.add("launchMiniProgram " + appId + " " + appType);
        if (launchFailure != null) throw launchFailure;
        launched.countDown();
    }

    @Override
    public void closeWxaApp(String appId, boolean keepRunning) throws WmpfCallException {
        timeline.add("closeWxaApp " + appId + " " + keepRunning);
        if (closeFailure != null) throw closeFailure;
    }

    @Override
    public void registerPushMsgEventListener(PushMessageHandler handler) throws WmpfCallException {
        timeline.add("registerPushMsgEventListener");
        failPushBindIfAsked();
        pushHandler = handler;
    }

    @Override
    public void setPushMsgCallback(PushMessageHandler handler) throws WmpfCallException {
        timeline.add("setPushMsgCallback");
        failPushBindIfAsked();
        pushHandler = handler;
    }

    @Override
    public void addWmpfRestartListener(Runnable onRestart) throws WmpfCallException {
        timeline.add("addWmpfRestartListener");
        restartListener = onRestart;
    }

    @Override
    public void addActivationOutdatedListener(Runnable onOutdated) throws WmpfCallException {
        timeline.add("addActivationOutdatedListener");
        outdatedListener = onOutdated;
    }

    @Override
    public String activatedDeviceId() {
        return activatedDeviceId;
    }

    @Override
    public boolean isDeviceActivated() throws WmpfCallException {
        timeline.add("isDeviceActivated");
        if (activationFailure != null) throw activationFailure;
        return activated;
    }

    @Override
    public void activateDevice() throws WmpfCallException {
        timeline.add("activateDevice");
        if (activationFailure != null) throw activationFailure;
        activated = true;
    }

    @Override
    public void wakeUpWmpf() {
        timeline.add("wakeUpWmpf");
    }

    @Override
    public PushToken getPushToken(String appId) throws WmpfCallException {
        timeline.add("getPushToken " + appId);
        if (pushTokenFailure != null) throw pushTokenFailure;
        return pushToken;
    }

    private void failPushBindIfAsked() throws WmpfCallException {
        if (pushBindFailuresLeft > 0) {
            pushBindFailuresLeft--;
            throw new WmpfCallException(1, -1, "bridge not found");
        }
    }

    long count(String prefix) {
        return timeline.snapshot().stream().filter(e -> e.startsWith(prefix)).count();
    }
}
