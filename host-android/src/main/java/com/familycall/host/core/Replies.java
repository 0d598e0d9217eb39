package com.familycall.host.core;

import java.util.Map;

/** The JSON strings the host answers with (docs/host-protocol.md §2 and §3). */
public final class Replies {
    /** Values of the reserved key {@code hostError}. */
    public static final String UNKNOWN_COMMAND = "unknown-command";
    public static final String UNSUPPORTED = "unsupported";
    public static final String BAD_REQUEST = "bad-request";
    public static final String INTERNAL = "internal";

    private Replies() {
    }

    /** {"hostError": code, "message": message}: the message is for people and never holds an sn or a secret. */
    public static String hostError(String code, String message) {
        Map<String, Object> reply = Json.object();
        reply.put("hostError", code);
        if (message != null) reply.put("message", message);
        return Json.write(reply);
    }

    public static String deviceInfo(boolean registered, String sn, String modelId, WmpfVersion wmpfVersion) {
        Map<String, Object> reply = Json.object();
        reply.put("registered", registered ? 1 : 0);
        reply.put("sn", sn == null ? "" : sn);
        reply.put("modelId", modelId == null ? "" : modelId);
        reply.put("wmpfVersion", wmpfVersion.toString());
        return Json.write(reply);
    }

    /** WMPF below 2.1.0: this host cannot register there, so the device counts as not registered. */
    public static String tooOldToRegister(WmpfVersion wmpfVersion) {
        Map<String, Object> reply = Json.object();
        reply.put("registered", 0);
        reply.put("wmpfVersion", wmpfVersion.toString());
        return Json.write(reply);
    }

    /** {"errMsg": null} on success, else {"errMsg": "why"}. */
    public static String prefetch(String failure) {
        Map<String, Object> reply = Json.object();
        reply.put("errMsg", failure == null ? Json.NULL : failure);
        return Json.write(reply);
    }

    public static String empty() {
        return "{}";
    }
}
