// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.content;

import android.content.pm.PackageManager;

public abstract class Context {
    public static final int MODE_PRIVATE = 0;

    public abstract Context getApplicationContext();

    public abstract PackageManager getPackageManager();

    public abstract String getPackageName();

    public abstract SharedPreferences getSharedPreferences(String name, int mode);
}
