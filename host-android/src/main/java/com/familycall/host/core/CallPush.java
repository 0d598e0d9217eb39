package com.familycall.host.core;

import java.util.Map;

/**
 * A WMPF push message that is an incoming call: JSON {@code {"path", "appType", "appid"}} whose path contains the
 * VOIP plugin's AppID (the phone's callWMPF). The path holds the device's sn: never log it.
 */
public final class CallPush {
    /** The wmpf-voip plugin (provider AppID): a push whose path contains it opens the plugin's call page. */
    public static final String VOIP_PLUGIN_APP_ID = "wxf830863afde621eb";
    /** WMPFStartAppParams.WMPFAppType: 0 release, 1 develop, 2 trial (APP_TYPE_RELEASE, _DEV, _EXP). */
    public static final int APP_TYPE_COUNT = 3;

    /** Why a push was not taken as a call (for the log: the reason, never the content). */
    public enum Verdict {
        CALL,
        NOT_JSON,
        NOT_A_CALL,
        NO_APP_ID,
        BAD_APP_TYPE,
        /** A call push for another Mini Program than the one this host is built for: never launched. */
        OTHER_APP
    }

    public final String appId;
    public final String path;
    public final int appType;

    private CallPush(String appId, String path, int appType) {
        this.appId = appId;
        this.path = path;
        this.appType = appType;
    }

    /** The call push, or null. */
    public static CallPush parse(String message) {
        return examine(message).push;
    }

    /** The verdict for this host: a call push for any appId but {@code ourAppId} (null: none configured) is OTHER_APP. */
    public static Examined examine(String message, String ourAppId) {
        Examined examined = examine(message);
        if (examined.push == null || examined.push.appId.equals(ourAppId)) return examined;
        return new Examined(Verdict.OTHER_APP, null);
    }

    /** The verdict on a push message, with the call push when it is one. */
    public static Examined examine(String message) {
        Map<String, Object> json;
        try {
            json = Json.parseObject(message);
        } catch (JsonException e) {
            return new Examined(Verdict.NOT_JSON, null);
        }
        Object path = json.get("path");
        if (!(path instanceof String) || !((String) path).contains(VOIP_PLUGIN_APP_ID)) {
            return new Examined(Verdict.NOT_A_CALL, null);
        }
        Object appId = json.get("appid");
        if (!(appId instanceof String) || ((String) appId).trim().isEmpty()) return new Examined(Verdict.NO_APP_ID, null);
        int appType = readAppType(json.get("appType"));
        if (appType < 0) return new Examined(Verdict.BAD_APP_TYPE, null);
        return new Examined(Verdict.CALL, new CallPush(((String) appId).trim(), (String) path, appType));
    }

    /** Missing means release (0), as in the official demo; anything but an integer 0..2 is refused (-1). */
    private static int readAppType(Object value) {
        if (value == null) return 0;
        if (!(value instanceof Long)) return -1;
        long type = (Long) value;
        return type >= 0 && type < APP_TYPE_COUNT ? (int) type : -1;
    }

    public static final class Examined {
        public final Verdict verdict;
        /** Set when the verdict is CALL. */
        public final CallPush push;

        Examined(Verdict verdict, CallPush push) {
            this.verdict = verdict;
            this.push = push;
        }
    }
}
