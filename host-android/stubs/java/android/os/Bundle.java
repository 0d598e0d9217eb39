// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.os;

public final class Bundle extends BaseBundle {
    public Bundle() {
        throw new RuntimeException("Stub!");
    }
}
