package com.familycall.host.core;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The one rule for the push token (docs/host-protocol.md §7.1): the host app, which is always running, keeps our
 * backend holding a fresh token for this device, whether or not the Mini Program has run. It fetches it with
 * {@code getPushToken(ourAppId)} (WMPF >= 2.1.0) and uploads it signed with the device secret
 * ({@code POST /devices/{sn}/push-token}) on host start, after registration, after provisioning, after a WMPF restart
 * or lost activation, and before it expires. Failures are retried with backoff. One run at a time; asking during a
 * run runs once more after it. The token, the sn and the signature are never logged.
 */
public final class PushTokenUploader {
    static final long[] RETRY_DELAYS_MS = {30_000L, 60_000L, 120_000L, 300_000L, 600_000L};
    /** Refresh this long before expiry (or halfway for short-lived tokens), never sooner than 30 s from now. */
    static final long REFRESH_MARGIN_MS = 10L * 60 * 1000;
    static final long MIN_REFRESH_DELAY_MS = 30_000L;
    /** Below this an expireTimestamp is seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
    private static final long SECONDS_LIMIT = 100_000_000_000L;
    /** The backend refuses an expiry further away (contract.ts PUSH_TOKEN_MAX_LIFETIME_MS). */
    private static final long MAX_LIFETIME_MS = 366L * 24 * 60 * 60 * 1000;
    private static final int MAX_TOKEN_LENGTH = 4096;

    /** What went wrong, for the status reply and the log: a reason, never a value. */
    public enum Reason {
        NOT_CONFIGURED, WMPF_TOO_OLD, NOT_PROVISIONED, NOT_REGISTERED, SECRET_FOR_ANOTHER_SN, ACTIVATION_FAILED,
        WMPF_FAILED, INVALID_TOKEN, NETWORK, BACKEND_REFUSED
    }

    private final WmpfGateway wmpf;
    private final WmpfVersionSource versions;
    private final DeviceInfoService devices;
    private final KeyValueStore secrets;
    private final HostConfig config;
    private final BackendClient backend;
    private final Clock clock;
    private final NonceSource nonces;
    private final HostLog log;

    private int failures;
    private PushTokenStatus status = PushTokenStatus.idle();
    private final SerialJob job;

    PushTokenUploader(WmpfGateway wmpf, WmpfVersionSource versions, DeviceInfoService devices, KeyValueStore secrets,
            HostConfig config, BackendClient backend, Executor io, Scheduler scheduler, Clock clock, NonceSource nonces,
            HostLog log) {
        this.wmpf = wmpf;
        this.versions = versions;
        this.devices = devices;
        this.secrets = secrets;
        this.config = config;
        this.backend = backend;
        this.clock = clock;
        this.nonces = nonces;
        this.log = log;
        job = new SerialJob("push token", io, scheduler, new SerialJob.Run() {
            @Override
            public Long once() {
                return runOnce();
            }
        }, new SerialJob.Due() {
            @Override
            public void fire() {
                refresh(status().state == PushTokenStatus.State.UPLOADED ? "before expiry" : "retry");
            }
        });
    }

    /** Fetch and upload on a worker thread now (or once more after the run in progress). Returns at once. */
    public void refresh(final String why) {
        boolean started = job.request(new Runnable() {
            @Override
            public void run() {
                synchronized (PushTokenUploader.this) {
                    status = status.working();
                }
            }
        });
        if (started) log.info("push token: refreshing (" + why + ")");
    }

    public synchronized PushTokenStatus status() {
        return status;
    }

    /** One attempt; the delay until the next one (a refresh before expiry, or a retry), or null. */
    private Long runOnce() {
        PushTokenStatus outcome;
        try {
            outcome = attempt();
        } catch (RuntimeException e) {
            outcome = failedNow(Reason.WMPF_FAILED, e.getClass().getSimpleName());
        }
        synchronized (this) {
            status = outcome;
        }
        Long due = outcome.nextRunAt();
        return due == null ? null : due - clock.nowSeconds() * 1000L;
    }

    private PushTokenStatus attempt() {
        WmpfVersion version = WmpfVersion.parse(versions.versionName());
        if (version == null || !version.atLeast(WmpfVersion.DEVICE_API)) return unsupported(Reason.WMPF_TOO_OLD);
        String activation = ensureActivated();
        if (activation != null) return failedNow(Reason.ACTIVATION_FAILED, activation);
        if (config.miniProgramAppId == null || config.backendBaseUrl == null) return unsupported(Reason.NOT_CONFIGURED);
        DeviceSecret secret = DeviceSecret.load(secrets);
        if (secret == null) return unsupported(Reason.NOT_PROVISIONED);
        DeviceInfo device;
        try {
            device = devices.registeredDevice();
        } catch (WmpfCallException e) {
            return failedNow(Reason.WMPF_FAILED, e.getMessage());
        }
        if (device == null) return unsupported(Reason.NOT_REGISTERED);
        if (!device.sn.equals(secret.sn)) {
            log.error("push token: the device secret was provisioned for another sn than the registered one");
            return unsupported(Reason.SECRET_FOR_ANOTHER_SN);
        }
        PushToken token;
        try {
            token = wmpf.getPushToken(config.miniProgramAppId);
        } catch (WmpfCallException e) {
            return failedNow(Reason.WMPF_FAILED, e.getMessage());
        }
        long nowMs = clock.nowSeconds() * 1000L;
        long expiresAt = token == null ? -1 : expiresAtMs(token.expireTimestamp, nowMs);
        if (token == null || !isToken(token.token) || expiresAt < 0) {
            return failedNow(Reason.INVALID_TOKEN, "getPushToken gave no usable token or expireTimestamp");
        }
        return upload(secret, device.modelId, token.token, expiresAt, nowMs);
    }

    /** null when WMPF is activated (activating it first when it is not), else why not. */
    private String ensureActivated() {
        try {
            if (wmpf.isDeviceActivated()) return null;
            log.info("push token: WMPF is not activated, activating");
            wmpf.activateDevice();
            return null;
        } catch (WmpfCallException e) {
            return e.getMessage();
        }
    }

    private PushTokenStatus upload(DeviceSecret secret, String modelId, String token, long expiresAt, long nowMs) {
        Map<String, Object> json = Json.object();
        json.put("modelId", modelId == null ? "" : modelId);
        json.put("pushToken", token);
        json.put("expiresAt", expiresAt);
        String body = Json.write(json);
        String path = "/devices/" + secret.sn + "/push-token";
        BackendClient.Reply reply;
        try {
            reply = backend.post(path, body, BackendRequestSigner.headers(secret, "POST", path, body, clock, nonces));
        } catch (GeneralSecurityException e) {
            return failedNow(Reason.BACKEND_REFUSED, "signing failed: " + e.getClass().getSimpleName());
        } catch (IOException e) {
            return failedNow(Reason.NETWORK, e.getClass().getSimpleName());
        }
        if (!reply.ok()) {
            return failedNow(Reason.BACKEND_REFUSED, "HTTP " + reply.status + " " + safeCode(reply.errorCode));
        }
        synchronized (this) {
            failures = 0;
        }
        long margin = Math.min(REFRESH_MARGIN_MS, (expiresAt - nowMs) / 2);
        long refreshAt = Math.max(nowMs + MIN_REFRESH_DELAY_MS, expiresAt - margin);
        log.info("push token: uploaded");
        return PushTokenStatus.uploaded(nowMs, expiresAt, refreshAt);
    }

    /** expireTimestamp as epoch ms (seconds or ms), or -1 when it is not in the future or more than a year away. */
    static long expiresAtMs(long raw, long nowMs) {
        if (raw <= 0) return -1;
        long ms = raw < SECONDS_LIMIT ? raw * 1000L : raw;
        return ms > nowMs && ms <= nowMs + MAX_LIFETIME_MS ? ms : -1;
    }

    private static boolean isToken(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) return false;
        for (int i = 0; i < token.length(); i++) {
            if (Character.isWhitespace(token.charAt(i)) || token.charAt(i) < 0x20) return false;
        }
        return true;
    }

    /** Error codes come from the server: log them only when they look like codes. */
    private static String safeCode(String code) {
        return code != null && code.matches("[a-z-]{1,40}") ? code : "";
    }

    private PushTokenStatus unsupported(Reason reason) {
        log.warn("push token: not uploaded: " + reason);
        return PushTokenStatus.unsupported(reason);
    }

    private PushTokenStatus failedNow(Reason reason, String detail) {
        int attempts;
        synchronized (this) {
            attempts = ++failures;
        }
        long delay = RETRY_DELAYS_MS[Math.min(attempts - 1, RETRY_DELAYS_MS.length - 1)];
        long nowMs = clock.nowSeconds() * 1000L;
        log.warn("push token: failed (" + reason + ": " + detail + "), retrying in " + delay / 1000 + " s");
        return PushTokenStatus.failed(reason, attempts, nowMs + delay);
    }
}
