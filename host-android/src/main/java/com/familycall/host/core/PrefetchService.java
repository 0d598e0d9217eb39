package com.familycall.host.core;

/**
 * Asks WMPF to fetch the device credential now (prefetchDeviceToken, WMPF >= 2.1.0). Success is judged by the
 * response's errMsg alone: null or empty is success, whatever the call returned. The token never leaves WMPF.
 */
public final class PrefetchService {
    private final WmpfGateway wmpf;
    private final WmpfVersionSource versions;
    private final HostLog log;

    public PrefetchService(WmpfGateway wmpf, WmpfVersionSource versions, HostLog log) {
        this.wmpf = wmpf;
        this.versions = versions;
        this.log = log;
    }

    /** The reply JSON ({"errMsg": null} or {"errMsg": "why"}). Blocking: call it from a worker thread. */
    public String prefetch() {
        String failure = failureOf();
        log.info(failure == null ? "prefetch: done" : "prefetch: failed");
        return Replies.prefetch(failure);
    }

    /** null on success, else why it failed (WMPF's own text, or ours). */
    String failureOf() {
        WmpfVersion version = WmpfVersion.parse(versions.versionName());
        if (version == null) return "WMPF is not installed or its version is unreadable";
        if (!version.atLeast(WmpfVersion.DEVICE_API)) return "prefetch not supported by WMPF " + version;
        try {
            return judge(wmpf.prefetchDeviceToken());
        } catch (WmpfCallException e) {
            return e.describe();
        }
    }

    /** The response's errMsg as a failure text, or null when it means success (null, empty or blank). */
    static String judge(String errMsg) {
        if (errMsg == null) return null;
        String text = errMsg.trim();
        return text.isEmpty() ? null : text;
    }
}
