// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.content;

public final class ContentValues {
    public ContentValues() {
        throw new RuntimeException("Stub!");
    }
}
