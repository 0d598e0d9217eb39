package com.familycall.host.core;

/** Receives the text of a WMPF push message. */
public interface PushMessageHandler {
    void onPushMessage(String message);
}
