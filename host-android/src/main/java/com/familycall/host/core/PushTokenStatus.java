package com.familycall.host.core;

import java.util.Map;

/**
 * Where the push-token upload stands, for the {@code getHostStatus} reply (docs/host-protocol.md §2.5): times in
 * epoch ms, a reason instead of any value. Immutable.
 */
public final class PushTokenStatus {
    public enum State {
        IDLE, WORKING, UPLOADED, FAILED, UNSUPPORTED
    }

    public final State state;
    public final PushTokenUploader.Reason reason;
    public final int attempts;
    /** UPLOADED: when; otherwise 0. */
    public final long uploadedAt;
    public final long expiresAt;
    /** UPLOADED: the planned refresh; FAILED: the next try. */
    public final long nextAt;

    private PushTokenStatus(State state, PushTokenUploader.Reason reason, int attempts, long uploadedAt,
            long expiresAt, long nextAt) {
        this.state = state;
        this.reason = reason;
        this.attempts = attempts;
        this.uploadedAt = uploadedAt;
        this.expiresAt = expiresAt;
        this.nextAt = nextAt;
    }

    static PushTokenStatus idle() {
        return new PushTokenStatus(State.IDLE, null, 0, 0, 0, 0);
    }

    static PushTokenStatus uploaded(long at, long expiresAt, long refreshAt) {
        return new PushTokenStatus(State.UPLOADED, null, 0, at, expiresAt, refreshAt);
    }

    static PushTokenStatus failed(PushTokenUploader.Reason reason, int attempts, long retryAt) {
        return new PushTokenStatus(State.FAILED, reason, attempts, 0, 0, retryAt);
    }

    static PushTokenStatus unsupported(PushTokenUploader.Reason reason) {
        return new PushTokenStatus(State.UNSUPPORTED, reason, 0, 0, 0, 0);
    }

    /** Working, keeping what an earlier upload achieved (its token is still valid meanwhile). */
    PushTokenStatus working() {
        return new PushTokenStatus(State.WORKING, null, attempts, uploadedAt, expiresAt, 0);
    }

    /** When the uploader runs again by itself; null when only an outside event (provisioning, ...) can help. */
    Long nextRunAt() {
        return state == State.UPLOADED || state == State.FAILED ? Long.valueOf(nextAt) : null;
    }

    /** {"state": "uploaded", "uploadedAt", "expiresAt", "refreshAt"} / {"state": "failed", "reason", ...}. */
    Map<String, Object> toJson() {
        Map<String, Object> json = Json.object();
        json.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        if (reason != null) json.put("reason", reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (state == State.FAILED) {
            json.put("attempts", (long) attempts);
            json.put("retryAt", nextAt);
        }
        if (uploadedAt > 0) {
            json.put("uploadedAt", uploadedAt);
            json.put("expiresAt", expiresAt);
        }
        if (state == State.UPLOADED) json.put("refreshAt", nextAt);
        return json;
    }
}
