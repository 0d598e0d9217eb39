package com.familycall.host.core;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The host's own registration flow (factory or installer screen): registerMiniProgramDevice, and on code 0 the
 * registration record that answers the device-info question on WMPF 1.2–2.1, then the
 * {@link EventRegistry#REGISTRATION_CHANGED} event. Registrations are serialised (WMPF: never concurrently).
 */
public final class DeviceRegistrar {
    /** What the caller learns; the errMsg may hold WMPF's details for code -11 (show it, do not log it). */
    public interface Listener {
        void onRegistered(RegistrationResult result);

        void onFailed(String why);
    }

    private final WmpfGateway wmpf;
    private final WmpfVersionSource versions;
    private final KeyValueStore store;
    private final EventRegistry events;
    private final Executor io;
    private final HostLog log;
    private final Object oneAtATime = new Object();

    public DeviceRegistrar(WmpfGateway wmpf, WmpfVersionSource versions, KeyValueStore store, EventRegistry events,
            Executor io, HostLog log) {
        this.wmpf = wmpf;
        this.versions = versions;
        this.store = store;
        this.events = events;
        this.io = io;
        this.log = log;
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
            WmpfVersion version = WmpfVersion.parse(versions.versionName());
            if (version == null || !version.atLeast(WmpfVersion.DEVICE_API)) {
                log.warn("register: needs WMPF " + WmpfVersion.DEVICE_API + " (installed: " + version + ")");
                listener.onFailed("registerMiniProgramDevice needs WMPF " + WmpfVersion.DEVICE_API);
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
            }
            listener.onRegistered(result);
        }
    }
}
