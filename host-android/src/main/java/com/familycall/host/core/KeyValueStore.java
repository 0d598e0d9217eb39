package com.familycall.host.core;

/** Small private persistent strings (on Android: a SharedPreferences file of the host app). */
public interface KeyValueStore {
    /** The stored value, or null. */
    String get(String key);

    void put(String key, String value);

    void remove(String key);
}
