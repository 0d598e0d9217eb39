package com.familycall.host.core;

/** Where the installed WMPF's version name comes from (on Android: the WMPF APK's meta-data). */
public interface WmpfVersionSource {
    /** The raw version name, or null when WMPF is not installed or its version cannot be read. */
    String versionName();
}
