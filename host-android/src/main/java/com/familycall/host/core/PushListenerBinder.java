package com.familycall.host.core;

import java.util.concurrent.Executor;

/**
 * Binds the push listener at host start, before any call can arrive: registerPushMsgEventListener on WMPF >= 2.2;
 * on 2.1 setPushMsgCallback, set again after every WMPF restart. When WMPF's service is not up yet the binding is
 * retried (2 s, 5 s, 15 s, 30 s, then every minute): until it is bound, the device cannot ring.
 */
public final class PushListenerBinder {
    static final long[] RETRY_DELAYS_MS = {2000L, 5000L, 15000L, 30000L, 60000L};

    private final WmpfGateway wmpf;
    private final WmpfVersionSource versions;
    private final PushMessageHandler handler;
    private final Executor io;
    private final Scheduler scheduler;
    private final HostLog log;

    private boolean started;
    private boolean bound;
    private boolean restartHooked;
    private int failures;

    public PushListenerBinder(WmpfGateway wmpf, WmpfVersionSource versions, PushMessageHandler handler, Executor io,
            Scheduler scheduler, HostLog log) {
        this.wmpf = wmpf;
        this.versions = versions;
        this.handler = handler;
        this.io = io;
        this.scheduler = scheduler;
        this.log = log;
    }

    /** Host start. Idempotent: a second listener would launch every call twice. Binding runs on the executor. */
    public synchronized void start() {
        if (started) return;
        started = true;
        bindLater();
    }

    private void bindLater() {
        io.execute(new Runnable() {
            @Override
            public void run() {
                bind();
            }
        });
    }

    synchronized void bind() {
        if (bound) return;
        PushBinding binding = PushBinding.forVersion(WmpfVersion.parse(versions.versionName()));
        try {
            switch (binding) {
                case EVENT_LISTENER:
                    wmpf.registerPushMsgEventListener(handler);
                    break;
                case CALLBACK_REBOUND_ON_RESTART:
                    hookRestart();
                    wmpf.setPushMsgCallback(handler);
                    break;
                default:
                    log.error("push: WMPF is missing or older than " + WmpfVersion.DEVICE_API
                            + ": this device cannot receive calls");
                    return;
            }
            bound = true;
            failures = 0;
            log.info("push: listening (" + binding + ")");
        } catch (WmpfCallException e) {
            long delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
            failures++;
            log.warn("push: binding failed (" + e.getMessage() + "), retrying in " + delay / 1000 + " s");
            scheduler.schedule(new Runnable() {
                @Override
                public void run() {
                    bindLater();
                }
            }, delay);
        }
    }

    /** WMPF 2.1 forgets the callback when it restarts: set it again then. */
    private void hookRestart() throws WmpfCallException {
        if (restartHooked) return;
        wmpf.addWmpfRestartListener(new Runnable() {
            @Override
            public void run() {
                synchronized (PushListenerBinder.this) {
                    bound = false;
                }
                log.info("push: WMPF restarted, binding again");
                bindLater();
            }
        });
        restartHooked = true;
    }
}
