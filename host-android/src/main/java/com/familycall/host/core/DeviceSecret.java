package com.familycall.host.core;

import java.util.Map;

/**
 * The device secret (security-protocol.md §1): 32 random bytes created by the backend, written once into the host
 * app's private storage with the sn it belongs to. It never leaves the host app and is never logged.
 */
public final class DeviceSecret {
    public static final int LENGTH = 32;
    static final String KEY = "device.secret";
    private static final String SN_PATTERN = "[0-9A-Za-z_-]{1,128}";

    final String sn;
    private final byte[] key;

    private DeviceSecret(String sn, byte[] key) {
        this.sn = sn;
        this.key = key;
    }

    /**
     * Provisioning (factory tool or installer): stores the sn and the secret as the backend returned it
     * ({@code POST /admin/devices} → base64url, 43 characters). Replaces a previous secret (rotation).
     *
     * @throws IllegalArgumentException when the sn or the secret is malformed (the message holds neither)
     */
    public static void provision(KeyValueStore store, String sn, String secretBase64Url) {
        if (sn == null || !sn.matches(SN_PATTERN)) throw new IllegalArgumentException("sn must match " + SN_PATTERN);
        byte[] key = Base64Url.decode(secretBase64Url);
        if (key == null || key.length != LENGTH) {
            throw new IllegalArgumentException("the device secret must be " + LENGTH + " bytes in base64url");
        }
        Map<String, Object> json = Json.object();
        json.put("sn", sn);
        json.put("secret", secretBase64Url);
        store.put(KEY, Json.write(json));
    }

    /** The provisioned secret, or null when the device has none (or the stored one is unreadable). */
    static DeviceSecret load(KeyValueStore store) {
        Map<String, Object> json = Json.parseObjectOrNull(store.get(KEY));
        if (json == null) return null;
        Object sn = json.get("sn");
        Object secret = json.get("secret");
        if (!(sn instanceof String) || !((String) sn).matches(SN_PATTERN) || !(secret instanceof String)) return null;
        byte[] key = Base64Url.decode((String) secret);
        return key != null && key.length == LENGTH ? new DeviceSecret((String) sn, key) : null;
    }

    byte[] key() {
        return key.clone();
    }
}
