// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.content.pm;

import android.util.AndroidException;

public abstract class PackageManager {
    public static final int GET_META_DATA = 0x00000080;

    public abstract ApplicationInfo getApplicationInfo(String packageName, int flags) throws NameNotFoundException;

    public static class NameNotFoundException extends AndroidException {
        private static final long serialVersionUID = 1L;

        public NameNotFoundException() {
            throw new RuntimeException("Stub!");
        }
    }
}
