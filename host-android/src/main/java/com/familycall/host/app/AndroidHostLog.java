package com.familycall.host.app;

import android.util.Log;
import com.familycall.host.core.HostLog;

/** Logcat, tag FamilyCallHost. */
final class AndroidHostLog implements HostLog {
    private static final String TAG = "FamilyCallHost";

    @Override
    public void info(String message) {
        Log.i(TAG, message);
    }

    @Override
    public void warn(String message) {
        Log.w(TAG, message);
    }

    @Override
    public void error(String message) {
        Log.e(TAG, message);
    }
}
