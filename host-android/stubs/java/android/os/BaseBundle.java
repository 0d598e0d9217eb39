// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.os;

public class BaseBundle {
    BaseBundle() {
        throw new RuntimeException("Stub!");
    }

    public String getString(String key) {
        throw new RuntimeException("Stub!");
    }
}
