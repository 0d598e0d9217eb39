package com.familycall.host.app;

import android.content.Context;
import com.familycall.host.core.Clock;
import com.familycall.host.core.DeviceSecret;
import com.familycall.host.core.EventSink;
import com.familycall.host.core.HostCore;
import com.familycall.host.core.HostExecutors;
import com.familycall.host.core.HostLog;
import com.familycall.host.core.KeyValueStore;
import com.familycall.host.core.NonceSource;
import com.tencent.wmpf.app.WMPFClientProvider;
import java.security.SecureRandom;

/**
 * The host's one composition root, shared by the provider and the Application (the provider is created first,
 * before Application.onCreate).
 */
public final class HostRuntime {
    private static final String HOST_PREFERENCES = "family_call_host";
    /** Kept apart so that it can be swapped for EncryptedSharedPreferences without touching the rest. */
    private static final String SECRET_PREFERENCES = "family_call_device_secret";

    private static HostRuntime instance;

    public final HostCore core;
    private final KeyValueStore secretStore;

    private HostRuntime(Context app) {
        HostLog log = new AndroidHostLog();
        final SecureRandom random = new SecureRandom();
        NonceSource nonces = new NonceSource() {
            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }
        };
        EventSink toMiniProgram = new EventSink() {
            @Override
            public void send(String eventId, String event, String payload) {
                WMPFClientProvider.notifyInvokeChannelEvent(eventId, event, payload);
            }
        };
        secretStore = new PreferencesStore(app.getSharedPreferences(SECRET_PREFERENCES, Context.MODE_PRIVATE), log);
        core = new HostCore(new WmpfCliGateway(), new WmpfPackageVersion(app),
                new PreferencesStore(app.getSharedPreferences(HOST_PREFERENCES, Context.MODE_PRIVATE), log), secretStore,
                toMiniProgram, HostExecutors.newIoExecutor(), HostExecutors.newScheduler(), Clock.SYSTEM, nonces, log);
    }

    public static synchronized HostRuntime get(Context context) {
        if (instance == null) instance = new HostRuntime(context.getApplicationContext());
        return instance;
    }

    /** Host start (Application.onCreate): binds the push listener so that a call can ring. */
    public void start() {
        core.pushListener.start();
    }

    /**
     * Provisioning (factory tool or installer, security-protocol.md §1): stores the sn and the device secret the
     * backend returned. Throws IllegalArgumentException for a malformed one.
     */
    public void provisionDeviceSecret(String sn, String secretBase64Url) {
        DeviceSecret.provision(secretStore, sn, secretBase64Url);
    }
}
