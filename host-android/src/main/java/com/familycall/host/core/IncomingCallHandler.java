package com.familycall.host.core;

import java.util.concurrent.Executor;

/**
 * Handles WMPF push messages: a call push for our own Mini Program (HostConfig) launches the Mini Program on the plugin's call page with the push's own
 * path, and starts a credential prefetch at the same time so that answering is fast (never delaying the launch).
 * Other pushes are ignored. Nothing of a push's content is logged (its path holds the sn).
 */
public final class IncomingCallHandler implements PushMessageHandler {
    private final WmpfGateway wmpf;
    private final PrefetchService prefetch;
    private final IncomingCallSession session;
    private final Executor io;
    private final HostLog log;
    private final HostConfig config;

    public IncomingCallHandler(WmpfGateway wmpf, PrefetchService prefetch, IncomingCallSession session, Executor io,
            HostLog log, HostConfig config) {
        this.config = config;
        this.wmpf = wmpf;
        this.prefetch = prefetch;
        this.session = session;
        this.io = io;
        this.log = log;
    }

    /** Called by WMPF's push listener, on whatever thread it uses; returns at once. */
    @Override
    public void onPushMessage(String message) {
        CallPush.Examined examined = CallPush.examine(message, config.miniProgramAppId);
        if (examined.push == null) {
            log.info("push ignored: " + examined.verdict);
            return;
        }
        final CallPush call = examined.push;
        log.info("call push: launching the Mini Program on the call page");
        session.launched(call.appId);
        // Two tasks, launch first: the launch never waits for the (network-bound) prefetch.
        io.execute(new Runnable() {
            @Override
            public void run() {
                launch(call);
            }
        });
        io.execute(new Runnable() {
            @Override
            public void run() {
                log.info(prefetch.failureOf() == null ? "call push: prefetch done" : "call push: prefetch failed");
            }
        });
    }

    private void launch(CallPush call) {
        try {
            wmpf.launchMiniProgram(call.appId, call.path, call.appType);
        } catch (WmpfCallException e) {
            session.launchFailed(call.appId);
            log.error("call push: launch failed: " + e.getMessage());
        }
    }
}
