package com.familycall.host.core;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The host's own registration flow (installer screen or factory tool): registerMiniProgramDevice is irreversible
 * (the sn is written into the RPMB for good), so everything that can be checked is checked BEFORE it — the appId is
 * our Mini Program's, the sn is the deviceId WMPF was activated with (the official demo registers
 * {@code WMPFBoot.getWMPFDevice().deviceId}), WMPF is activated, and a provisioned device secret belongs to the same
 * sn. On code 0: the registration record (answers the device-info question on WMPF 2.1), the
 * {@link EventRegistry#REGISTRATION_CHANGED} event and a push-token upload. Registrations are serialised.
 */
public final class DeviceRegistrar {
    private static final String ID_PATTERN = "[0-9A-Za-z_-]{1,128}";

    /** What the caller learns; the errMsg may hold WMPF's details for code -11 (show it, do not log it). */
    public interface Listener {
        void onRegistered(RegistrationResult result);

        /** Refused before WMPF was asked, or WMPF's call failed: nothing was written. */
        void onFailed(String why);
    }

    /** Runs after a successful registration (HostCore: the push-token upload). */
    public interface AfterRegistration {
        void registered();
    }

    private final WmpfGateway wmpf;
    private final WmpfVersionSource versions;
    private final KeyValueStore store;
    private final KeyValueStore secrets;
    private final HostConfig config;
    private final EventRegistry events;
    private final AfterRegistration after;
    private final Executor io;
    private final HostLog log;
    private final Object oneAtATime = new Object();

    DeviceRegistrar(WmpfGateway wmpf, WmpfVersionSource versions, KeyValueStore store, KeyValueStore secrets,
            HostConfig config, EventRegistry events, AfterRegistration after, Executor io, HostLog log) {
        this.wmpf = wmpf;
        this.versions = versions;
        this.store = store;
        this.secrets = secrets;
        this.config = config;
        this.events = events;
        this.after = after;
        this.io = io;
        this.log = log;
    }

    /**
     * The only sn this device can register: the deviceId WMPF was activated with, or null when the host started WMPF
     * without one (WMPFBoot.init(context)). An installer screen shows it and asks the backend for its snTicket.
     */
    public String activatedDeviceId() {
        String id = wmpf.activatedDeviceId();
        return id == null || id.trim().isEmpty() ? null : id;
    }

    /** Registers on a worker thread; the listener is called there, exactly once. Irreversible: sn is burned in. */
    public void register(final String appId, final String modelId, final String sn, final String snTicket,
            final Listener listener) {
        io.execute(new Runnable() {
            @Override
            public void run() {
                registerNow(appId, modelId, sn, snTicket, listener);
            }
        });
    }

    private void registerNow(String appId, String modelId, String sn, String snTicket, Listener listener) {
        synchronized (oneAtATime) {
            String refusal = refusal(appId, modelId, sn, snTicket);
            if (refusal != null) {
                log.warn("register: refused before registerMiniProgramDevice: " + refusal);
                listener.onFailed(refusal);
                return;
            }
            RegistrationResult result;
            try {
                result = wmpf.registerMiniProgramDevice(appId, modelId, sn, snTicket);
            } catch (WmpfCallException e) {
                log.warn("register: " + e.getMessage());
                listener.onFailed(e.describe());
                return;
            }
            log.info("register: code " + result.code);
            if (result.succeeded()) {
                new RegistrationRecord(sn, modelId).save(store);
                Map<String, Object> payload = Json.object();
                payload.put("registered", 1);
                events.publish(EventRegistry.REGISTRATION_CHANGED, Json.write(payload));
                after.registered();
            }
            listener.onRegistered(result);
        }
    }

    /** Why the registration must not be attempted (no sn in the text), or null. WMPF is asked only about activation. */
    private String refusal(String appId, String modelId, String sn, String snTicket) {
        WmpfVersion version = WmpfVersion.parse(versions.versionName());
        if (version == null || !version.atLeast(WmpfVersion.DEVICE_API)) {
            return "registerMiniProgramDevice needs WMPF " + WmpfVersion.DEVICE_API + " (installed: " + version + ")";
        }
        if (config.miniProgramAppId == null) return "this host has no Mini Program appId configured";
        if (!config.isOurMiniProgram(appId)) return "appId is not the Mini Program this host is built for";
        if (modelId == null || !modelId.matches(ID_PATTERN)) return "modelId must match " + ID_PATTERN;
        if (sn == null || !sn.matches(ID_PATTERN)) return "sn must match " + ID_PATTERN;
        if (snTicket == null || snTicket.trim().isEmpty()) return "snTicket is empty";
        String activated = activatedDeviceId();
        if (activated == null) {
            return "WMPF was started without a device: init WMPFBoot with the WMPFDevice of this device's activation";
        }
        if (!activated.equals(sn)) return "sn is not the deviceId WMPF was activated with";
        DeviceSecret secret = DeviceSecret.load(secrets);
        if (secret != null && !secret.sn.equals(sn)) return "the device secret was provisioned for another sn";
        try {
            if (!wmpf.isDeviceActivated()) wmpf.activateDevice();
        } catch (WmpfCallException e) {
            return "WMPF is not activated and activating failed (" + e.getMessage() + ")";
        }
        return null;
    }
}
