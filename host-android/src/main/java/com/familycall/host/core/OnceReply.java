package com.familycall.host.core;

import java.util.concurrent.atomic.AtomicBoolean;

/** Passes on the first reply only: WMPF expects exactly one per invoke. */
public final class OnceReply {
    private final ReplySink sink;
    private final String command;
    private final HostLog log;
    private final AtomicBoolean sent = new AtomicBoolean();

    OnceReply(ReplySink sink, String command, HostLog log) {
        this.sink = sink;
        this.command = command;
        this.log = log;
    }

    /** Sends the reply unless one was sent already; a failing sink is logged, never retried. */
    public void send(String reply) {
        if (!sent.compareAndSet(false, true)) {
            log.error(command + ": second reply dropped");
            return;
        }
        try {
            sink.send(reply);
        } catch (Exception e) {
            log.warn(command + ": reply not delivered: " + e.getClass().getSimpleName());
        }
    }

    boolean sent() {
        return sent.get();
    }
}
