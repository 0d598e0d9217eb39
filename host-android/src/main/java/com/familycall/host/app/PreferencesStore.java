package com.familycall.host.app;

import android.content.SharedPreferences;
import com.familycall.host.core.HostLog;
import com.familycall.host.core.KeyValueStore;

/** A private SharedPreferences file as a {@link KeyValueStore}. Writes are committed (they must survive a crash). */
final class PreferencesStore implements KeyValueStore {
    private final SharedPreferences preferences;
    private final HostLog log;

    PreferencesStore(SharedPreferences preferences, HostLog log) {
        this.preferences = preferences;
        this.log = log;
    }

    @Override
    public String get(String key) {
        return preferences.getString(key, null);
    }

    @Override
    public void put(String key, String value) {
        if (!preferences.edit().putString(key, value).commit()) log.error("storage: could not write " + key);
    }

    @Override
    public void remove(String key) {
        if (!preferences.edit().remove(key).commit()) log.error("storage: could not remove " + key);
    }
}
