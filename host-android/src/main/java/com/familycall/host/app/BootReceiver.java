package com.familycall.host.app;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

/**
 * Starts the host when the device has booted (and after the host app was updated): Android creates the process
 * for the broadcast, so Application.onCreate has already run WMPFBoot.init and HostRuntime.start; starting again
 * is a no-op. Without it nothing listens for calls until someone opens the host app.
 */
public class BootReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        String action = intent == null ? null : intent.getAction();
        if (Intent.ACTION_BOOT_COMPLETED.equals(action) || Intent.ACTION_MY_PACKAGE_REPLACED.equals(action)) {
            HostRuntime.get(context).start();
        }
    }
}
