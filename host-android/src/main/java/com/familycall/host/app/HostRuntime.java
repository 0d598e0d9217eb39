package com.familycall.host.app;

import android.content.Context;
import android.content.pm.ApplicationInfo;
import android.content.pm.PackageManager;
import android.os.Bundle;
import com.familycall.host.core.Clock;
import com.familycall.host.core.DeviceSecret;
import com.familycall.host.core.EventSink;
import com.familycall.host.core.HostConfig;
import com.familycall.host.core.HostCore;
import com.familycall.host.core.HostExecutors;
import com.familycall.host.core.HttpBackendClient;
import com.familycall.host.core.HostLog;
import com.familycall.host.core.KeyValueStore;
import com.familycall.host.core.NonceSource;
import com.familycall.host.core.WmpfDeviceIdentity;
import com.tencent.wmpf.app.WMPFClientProvider;
import java.security.SecureRandom;

/**
 * The host's one composition root, shared by the provider, the Application and the boot receiver (the provider is
 * created first, before Application.onCreate).
 */
public final class HostRuntime {
    private static final String HOST_PREFERENCES = "family_call_host";
    /** Kept apart so that it can be swapped for EncryptedSharedPreferences without touching the rest. */
    private static final String SECRET_PREFERENCES = "family_call_device_secret";
    /** Application meta-data (AndroidManifest.xml, filled by the app's manifestPlaceholders). */
    static final String META_APP_ID = "com.familycall.host.MINI_PROGRAM_APP_ID";
    static final String META_BACKEND_BASE_URL = "com.familycall.host.BACKEND_BASE_URL";

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
        HostConfig config = readConfig(app);
        if (config.miniProgramAppId == null) log.error("config: " + META_APP_ID + " missing or malformed");
        if (config.backendBaseUrl == null) log.error("config: " + META_BACKEND_BASE_URL + " missing or not https");
        secretStore = new PreferencesStore(app.getSharedPreferences(SECRET_PREFERENCES, Context.MODE_PRIVATE), log);
        core = new HostCore(new WmpfCliGateway(), new WmpfPackageVersion(app),
                new PreferencesStore(app.getSharedPreferences(HOST_PREFERENCES, Context.MODE_PRIVATE), log), secretStore,
                config, new HttpBackendClient(config.backendBaseUrl), toMiniProgram, HostExecutors.newIoExecutor(),
                HostExecutors.newScheduler(), Clock.SYSTEM, nonces, log);
    }

    public static synchronized HostRuntime get(Context context) {
        if (instance == null) instance = new HostRuntime(context.getApplicationContext());
        return instance;
    }

    private static HostConfig readConfig(Context app) {
        try {
            ApplicationInfo info = app.getPackageManager().getApplicationInfo(app.getPackageName(),
                    PackageManager.GET_META_DATA);
            Bundle meta = info.metaData;
            return meta == null ? HostConfig.of(null, null)
                    : HostConfig.of(meta.getString(META_APP_ID), meta.getString(META_BACKEND_BASE_URL));
        } catch (PackageManager.NameNotFoundException impossible) {
            return HostConfig.of(null, null);
        }
    }

    /** Host start: binds WMPF's listeners and uploads the push token (HostCore.start). Idempotent. */
    public void start() {
        core.start();
    }

    /** This device's WMPF activation, or null: FamilyCallApplication starts WMPF with it. */
    WmpfDeviceIdentity wmpfDevice() {
        return WmpfDeviceIdentity.load(secretStore);
    }

    /**
     * Provisioning (installer, docs/installer.md step 3): stores the sn and the device secret the backend returned,
     * then uploads the push token signed with it. Throws IllegalArgumentException for a malformed one.
     */
    public void provisionDeviceSecret(String sn, String secretBase64Url) {
        DeviceSecret.provision(secretStore, sn, secretBase64Url);
        core.provisioned();
    }

    /**
     * Activation (installer, docs/installer.md step 2): stores this device's WMPFDevice fields. WMPFBoot.init runs
     * once per process: restart the host app (or the device) for it to take effect.
     */
    public void provisionWmpfDevice(String hostAppId, int productId, int keyVersion, String deviceId, String signature) {
        WmpfDeviceIdentity.provision(secretStore, hostAppId, productId, keyVersion, deviceId, signature);
    }
}
