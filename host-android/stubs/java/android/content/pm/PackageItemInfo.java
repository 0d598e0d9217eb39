// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.content.pm;

import android.os.Bundle;

public class PackageItemInfo {
    public Bundle metaData;

    public PackageItemInfo() {
        throw new RuntimeException("Stub!");
    }
}
