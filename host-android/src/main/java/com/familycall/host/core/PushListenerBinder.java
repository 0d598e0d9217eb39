package com.familycall.host.core;

import java.util.concurrent.Executor;

/**
 * Binds WMPF's listeners at host start, before any call can arrive: the lifecycle listener (every WMPF restart is
 * reported to {@link WmpfEvents}), on WMPF >= 2.2 the activation-outdated listener, then the push listener —
 * registerPushMsgEventListener on WMPF >= 2.2 (WMPF binds it again itself after a restart); on 2.1
 * setPushMsgCallback, set again after every WMPF restart. When WMPF's service is not up yet the binding is retried
 * (2 s, 5 s, 15 s, 30 s, then every minute): until it is bound, the device cannot ring. Each is added once.
 */
public final class PushListenerBinder {
    static final long[] RETRY_DELAYS_MS = {2000L, 5000L, 15000L, 30000L, 60000L};

    private final WmpfGateway wmpf;
    private final WmpfVersionSource versions;
    private final PushMessageHandler handler;
    private final Executor io;
    private final Scheduler scheduler;
    private final HostLog log;
    private final WmpfEvents events;

    private boolean started;
    private boolean bound;
    private boolean restartHooked;
    private boolean outdatedHooked;
    private int failures;

    /** What the rest of the host does when WMPF restarts or loses its activation (HostCore: upload the token). */
    public interface WmpfEvents {
        void onWmpfRestarted();

        void onActivationOutdated();
    }

    public PushListenerBinder(WmpfGateway wmpf, WmpfVersionSource versions, PushMessageHandler handler, Executor io,
            Scheduler scheduler, HostLog log, WmpfEvents events) {
        this.events = events;
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
                    hookRestart();
                    hookActivationOutdated();
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

    /**
     * Every WMPF restart: WMPF 2.1 forgets the callback, so it is set again; on 2.2+ WMPF binds the event listener
     * again itself. Either way the rest of the host hears of it (activation and push token again).
     */
    private void hookRestart() throws WmpfCallException {
        if (restartHooked) return;
        wmpf.addWmpfRestartListener(new Runnable() {
            @Override
            public void run() {
                boolean rebind = PushBinding.forVersion(WmpfVersion.parse(versions.versionName()))
                        == PushBinding.CALLBACK_REBOUND_ON_RESTART;
                if (rebind) {
                    synchronized (PushListenerBinder.this) {
                        bound = false;
                    }
                    log.info("push: WMPF restarted, binding again");
                    bindLater();
                } else {
                    log.info("push: WMPF restarted (it binds the event listener again itself)");
                }
                events.onWmpfRestarted();
            }
        });
        restartHooked = true;
    }

    /** WMPF >= 2.2 reports an activation that timed out or was taken by another device. */
    private void hookActivationOutdated() throws WmpfCallException {
        if (outdatedHooked) return;
        wmpf.addActivationOutdatedListener(new Runnable() {
            @Override
            public void run() {
                log.warn("WMPF activation outdated: activating again");
                events.onActivationOutdated();
            }
        });
        outdatedHooked = true;
    }
}
