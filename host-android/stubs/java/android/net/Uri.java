// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.net;

public abstract class Uri {
    Uri() {
        throw new RuntimeException("Stub!");
    }
}
