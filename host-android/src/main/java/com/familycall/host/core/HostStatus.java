package com.familycall.host.core;

import java.util.Map;

/**
 * {@code getHostStatus} (docs/host-protocol.md §2.5): what an installer checks on the diagnostics page that only the
 * host knows — is the device secret provisioned, was WMPF started with this device's activation, where the push-token
 * upload stands. Answered from memory at once (no WMPF IPC, no network); no sn, token or secret in it.
 */
final class HostStatus {
    private final KeyValueStore secrets;
    private final WmpfGateway wmpf;
    private final PushTokenUploader uploader;

    HostStatus(KeyValueStore secrets, WmpfGateway wmpf, PushTokenUploader uploader) {
        this.secrets = secrets;
        this.wmpf = wmpf;
        this.uploader = uploader;
    }

    String reply() {
        Map<String, Object> json = Json.object();
        json.put("provisioned", DeviceSecret.load(secrets) == null ? 0 : 1);
        String deviceId = wmpf.activatedDeviceId();
        json.put("wmpfDevice", deviceId == null || deviceId.trim().isEmpty() ? 0 : 1);
        json.put("pushToken", uploader.status().toJson());
        return Json.write(json);
    }
}
