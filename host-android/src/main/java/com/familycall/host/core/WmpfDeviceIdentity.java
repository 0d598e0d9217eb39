package com.familycall.host.core;

import java.util.Map;

/**
 * This device's WMPF activation, as the installer received it from the WeChat device-access console / the
 * {@code addDevice} step (hostAppId, productId, keyVersion, deviceId, signature): the host starts WMPF with it
 * ({@code WMPFBoot.init(context, new WMPFDevice(...))}), which makes {@code deviceId} the only sn the device can
 * register. Kept with the device secret (private storage); never logged. WMPFBoot.init runs once per process, so a
 * newly provisioned identity takes effect at the next host start.
 */
public final class WmpfDeviceIdentity {
    static final String KEY = "wmpf.device";
    private static final String ID_PATTERN = "[0-9A-Za-z_-]{1,128}";

    public final String hostAppId;
    public final int productId;
    public final int keyVersion;
    public final String deviceId;
    public final String signature;

    private WmpfDeviceIdentity(String hostAppId, int productId, int keyVersion, String deviceId, String signature) {
        this.hostAppId = hostAppId;
        this.productId = productId;
        this.keyVersion = keyVersion;
        this.deviceId = deviceId;
        this.signature = signature;
    }

    /** @throws IllegalArgumentException when a field is missing or malformed (the message holds no value) */
    public static void provision(KeyValueStore store, String hostAppId, int productId, int keyVersion, String deviceId,
            String signature) {
        if (hostAppId == null || !hostAppId.matches("wx[0-9a-f]{16}")) {
            throw new IllegalArgumentException("hostAppId must be the mobile app's AppID (wx + 16 hex)");
        }
        if (productId <= 0 || keyVersion <= 0) throw new IllegalArgumentException("productId and keyVersion must be > 0");
        if (deviceId == null || !deviceId.matches(ID_PATTERN)) throw new IllegalArgumentException("deviceId must match " + ID_PATTERN);
        if (signature == null || signature.trim().isEmpty()) throw new IllegalArgumentException("signature is empty");
        Map<String, Object> json = Json.object();
        json.put("hostAppId", hostAppId);
        json.put("productId", (long) productId);
        json.put("keyVersion", (long) keyVersion);
        json.put("deviceId", deviceId);
        json.put("signature", signature);
        store.put(KEY, Json.write(json));
    }

    /** The provisioned identity, or null (none, or unreadable: then WMPF starts without a device). */
    public static WmpfDeviceIdentity load(KeyValueStore store) {
        Map<String, Object> json = Json.parseObjectOrNull(store.get(KEY));
        if (json == null) return null;
        Object hostAppId = json.get("hostAppId");
        Object productId = json.get("productId");
        Object keyVersion = json.get("keyVersion");
        Object deviceId = json.get("deviceId");
        Object signature = json.get("signature");
        if (!(hostAppId instanceof String) || !(productId instanceof Long) || !(keyVersion instanceof Long)
                || !(deviceId instanceof String) || !((String) deviceId).matches(ID_PATTERN)
                || !(signature instanceof String)) {
            return null;
        }
        return new WmpfDeviceIdentity((String) hostAppId, ((Long) productId).intValue(), ((Long) keyVersion).intValue(),
                (String) deviceId, (String) signature);
    }
}
