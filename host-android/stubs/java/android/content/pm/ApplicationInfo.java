// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.content.pm;

public class ApplicationInfo extends PackageItemInfo {
    public ApplicationInfo() {
        throw new RuntimeException("Stub!");
    }
}
