// Compile-time stub (host-android/stubs): declares only what the host module uses; every body throws.
package android.database;

public interface Cursor {
}
