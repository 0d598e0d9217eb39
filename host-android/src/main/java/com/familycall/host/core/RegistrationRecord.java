package com.familycall.host.core;

import java.util.Map;

/**
 * The host's own record of a successful registerMiniProgramDevice (code 0): on WMPF 1.2–2.1, where
 * getMiniProgramDeviceInfo does not exist, the device-info question is answered from it.
 */
public final class RegistrationRecord {
    static final String KEY = "registration.record";

    /** Never logged. */
    public final String sn;
    public final String modelId;

    public RegistrationRecord(String sn, String modelId) {
        this.sn = sn;
        this.modelId = modelId;
    }

    /** The record, or null when there is none or it is unreadable (then it is as if there were none). */
    public static RegistrationRecord load(KeyValueStore store) {
        Map<String, Object> json = Json.parseObjectOrNull(store.get(KEY));
        if (json == null) return null;
        Object sn = json.get("sn");
        Object modelId = json.get("modelId");
        if (!(sn instanceof String) || !(modelId instanceof String)) return null;
        if (((String) sn).isEmpty() || ((String) modelId).isEmpty()) return null;
        return new RegistrationRecord((String) sn, (String) modelId);
    }

    public void save(KeyValueStore store) {
        Map<String, Object> json = Json.object();
        json.put("sn", sn);
        json.put("modelId", modelId);
        store.put(KEY, Json.write(json));
    }
}
