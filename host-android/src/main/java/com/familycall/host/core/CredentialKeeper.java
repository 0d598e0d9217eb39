package com.familycall.host.core;

import java.util.concurrent.Executor;

/**
 * Keeps WMPF's device credential warm (docs/host-protocol.md §2.2): the host, always running, asks WMPF to prefetch
 * it on host start, after registration, after a WMPF restart or lost activation, and again every 50 minutes (WMPF
 * caches it for one hour), so that the first call after the Mini Program starts again does not wait for WMPF's own
 * fetch inside initByCaller. A failure is retried after 1, 2, 5, 10 min; an unregistered device or a WMPF below 2.1.0
 * is not asked again until the next event. One run at a time (SerialJob). The credential never leaves WMPF; nothing
 * about it is logged but done/failed.
 */
public final class CredentialKeeper {
    static final long REFRESH_MS = 50L * 60 * 1000;
    static final long[] RETRY_DELAYS_MS = {60_000L, 120_000L, 300_000L, 600_000L};

    private final PrefetchService prefetch;
    private final DeviceInfoService devices;
    private final WmpfVersionSource versions;
    private final HostLog log;
    private final SerialJob job;
    private int failures;

    CredentialKeeper(PrefetchService prefetch, DeviceInfoService devices, WmpfVersionSource versions, Executor io,
            Scheduler scheduler, HostLog log) {
        this.prefetch = prefetch;
        this.devices = devices;
        this.versions = versions;
        this.log = log;
        job = new SerialJob("credential", io, scheduler, new SerialJob.Run() {
            @Override
            public Long once() {
                try {
                    return attempt();
                } catch (RuntimeException e) {
                    return failed();
                }
            }
        }, new SerialJob.Due() {
            @Override
            public void fire() {
                refresh("timer");
            }
        });
    }

    /** Prefetch on a worker thread now (or once more after the run in progress). Returns at once. */
    public void refresh(String why) {
        if (job.request()) log.info("credential: prefetching (" + why + ")");
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
}
