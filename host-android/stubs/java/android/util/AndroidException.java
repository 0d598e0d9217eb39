// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.util;

public class AndroidException extends Exception {
    private static final long serialVersionUID = 1L;

    public AndroidException() {
        throw new RuntimeException("Stub!");
    }
}
