package com.familycall.host.core;

import java.util.concurrent.Executor;

/**
 * Keeps WMPF's device credential warm (docs/host-protocol.md §3.1): the host, always running, asks WMPF to prefetch
 * it on host start, after registration, after a WMPF restart or lost activation, and again every 50 minutes (WMPF
 * caches it for one hour), so that the first call after the Mini Program starts again does not wait for WMPF's own
 * fetch inside initByCaller. A failure is retried after 1, 2, 5, 10 min; an unregistered device or a WMPF below 2.1.0
 * is not asked again until the next event. One run at a time; asking during a run runs once more after it. The
 * credential never leaves WMPF; nothing about it is logged but done/failed.
 */
public final class CredentialKeeper {
    static final long REFRESH_MS = 50L * 60 * 1000;
    static final long[] RETRY_DELAYS_MS = {60_000L, 120_000L, 300_000L, 600_000L};

    private final PrefetchService prefetch;
    private final DeviceInfoService devices;
    private final WmpfVersionSource versions;
    private final Executor io;
    private final Scheduler scheduler;
    private final HostLog log;

    private boolean running;
    private boolean again;
    /** Bumped by every run: a timer set by an older run does nothing. */
    private long generation;
    private int failures;

    CredentialKeeper(PrefetchService prefetch, DeviceInfoService devices, WmpfVersionSource versions, Executor io,
            Scheduler scheduler, HostLog log) {
        this.prefetch = prefetch;
        this.devices = devices;
        this.versions = versions;
        this.io = io;
        this.scheduler = scheduler;
        this.log = log;
    }

    /** Prefetch on a worker thread now (or once more after the run in progress). Returns at once. */
    public void refresh(final String why) {
        synchronized (this) {
            if (running) {
                again = true;
                return;
            }
            running = true;
        }
        log.info("credential: prefetching (" + why + ")");
        io.execute(new Runnable() {
            @Override
            public void run() {
                runUntilSettled();
            }
        });
    }

    private void runUntilSettled() {
        while (true) {
            Long next;
            try {
                next = attempt();
            } catch (RuntimeException e) {
                next = failed();
            }
            synchronized (this) {
                generation++;
                if (!again) {
                    running = false;
                    if (next != null) scheduleNext(next, generation);
                    return;
                }
                again = false;
            }
        }
    }

    /** The delay until the next prefetch, or null when there is nothing to keep warm until the next event. */
    private Long attempt() {
        WmpfVersion version = WmpfVersion.parse(versions.versionName());
        if (version == null || !version.atLeast(WmpfVersion.DEVICE_API)) return null;
        try {
            if (devices.registeredDevice() == null) {
                log.info("credential: not registered, nothing to keep warm");
                return null;
            }
        } catch (WmpfCallException e) {
            return failed();
        }
        if (prefetch.failureOf() != null) return failed();
        synchronized (this) {
            failures = 0;
        }
        log.info("credential: prefetched, again in 50 min");
        return REFRESH_MS;
    }

    private Long failed() {
        int attempts;
        synchronized (this) {
            attempts = ++failures;
        }
        long delay = RETRY_DELAYS_MS[Math.min(attempts - 1, RETRY_DELAYS_MS.length - 1)];
        log.warn("credential: prefetch failed, retrying in " + delay / 1000 + " s");
        return delay;
    }

    private void scheduleNext(long delay, final long forGeneration) {
        scheduler.schedule(new Runnable() {
            @Override
            public void run() {
                synchronized (CredentialKeeper.this) {
                    if (forGeneration != generation) return;
                }
                refresh("timer");
            }
        }, delay);
    }
}
