package com.familycall.host.core;

import java.util.concurrent.atomic.AtomicReference;

/** Remembers that the host itself launched the Mini Program for an incoming-call push (and which AppID). */
public final class IncomingCallSession {
    private final AtomicReference<String> launchedAppId = new AtomicReference<String>();

    void launched(String appId) {
        launchedAppId.set(appId);
    }

    /** The launch failed: nothing to close later. */
    void launchFailed(String appId) {
        launchedAppId.compareAndSet(appId, null);
    }

    /** The AppID the host launched for an incoming call, and forgets it; null when it launched none. */
    String take() {
        return launchedAppId.getAndSet(null);
    }
}
