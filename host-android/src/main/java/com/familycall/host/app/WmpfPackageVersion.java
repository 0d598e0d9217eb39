package com.familycall.host.app;

import android.content.Context;
import android.content.pm.ApplicationInfo;
import android.content.pm.PackageManager;
import android.os.Bundle;
import com.familycall.host.core.WmpfVersionSource;
import com.tencent.wmpf.app.WMPFInfo;

/**
 * The installed WMPF's version name, read as the official demo does (WMPFDemoUtil.getWmpfVersion): the WMPF APK's
 * meta-data. Needs {@code <queries><package android:name="com.tencent.wmpf"/></queries>} on Android 11+.
 */
final class WmpfPackageVersion implements WmpfVersionSource {
    private static final String VERSION_NAME_KEY = WMPFInfo.WMPF_APP_PACKAGE_NAME + ".BuildInfo.BUILD_WMPF_VERSION_NAME";

    private final Context context;

    WmpfPackageVersion(Context context) {
        this.context = context;
    }

    @Override
    public String versionName() {
        try {
            ApplicationInfo info = context.getPackageManager()
                    .getApplicationInfo(WMPFInfo.WMPF_APP_PACKAGE_NAME, PackageManager.GET_META_DATA);
            Bundle metaData = info.metaData;
            return metaData == null ? null : metaData.getString(VERSION_NAME_KEY);
        } catch (PackageManager.NameNotFoundException notInstalled) {
            return null;
        }
    }
}
