// Compile-time stub of wmpf-cli 2.2.0 (host-android/stubs): only the members the host module uses, with the
// signatures javap prints for the real AAR (see ../../wmpf-cli-2.2.0.javap.txt); every body throws.
package com.tencent.wmpf.app;

import android.content.ContentProvider;
import android.content.ContentValues;
import android.database.Cursor;
import android.net.Uri;
import android.os.Bundle;
import com.tencent.wmpf.utils.ExceptionalConsumer;

public abstract class WMPFClientProvider extends ContentProvider {
    public WMPFClientProvider() {
        throw new RuntimeException("Stub!");
    }

    public void setInvokeChannelDelegate(InvokeChannelDelegate delegate) {
        throw new RuntimeException("Stub!");
    }

    @Override
    public Cursor query(Uri uri, String[] projection, String selection, String[] selectionArgs, String sortOrder) {
        throw new RuntimeException("Stub!");
    }

    @Override
    public String getType(Uri uri) {
        throw new RuntimeException("Stub!");
    }

    @Override
    public Uri insert(Uri uri, ContentValues values) {
        throw new RuntimeException("Stub!");
    }

    @Override
    public int delete(Uri uri, String selection, String[] selectionArgs) {
        throw new RuntimeException("Stub!");
    }

    @Override
    public int update(Uri uri, ContentValues values, String selection, String[] selectionArgs) {
        throw new RuntimeException("Stub!");
    }

    @Override
    public Bundle call(String method, String arg, Bundle extras) {
        throw new RuntimeException("Stub!");
    }

    public static void notifyInvokeChannelEvent(String eventId, String event, String data) {
        throw new RuntimeException("Stub!");
    }

    public interface InvokeChannelDelegate {
        void registerEvent(String event, String eventId);

        void unregisterEvent(String event, String eventId);

        void invoke(String command, String data, ExceptionalConsumer<String, ? extends Exception> callback);

        String invokeSync(String command, String data);
    }
}
