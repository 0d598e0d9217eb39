package com.familycall.host.core;

import java.util.regex.Pattern;

/**
 * What the host app is built for: our Mini Program's AppID (the only app it registers, launches for a call push and
 * fetches a push token for) and our backend's base URL (where it uploads the push token). On Android both come from
 * the application's meta-data (see AndroidManifest.xml); a missing or malformed value is null, and what needs it is
 * refused with a log line instead of guessing.
 */
public final class HostConfig {
    private static final Pattern APP_ID = Pattern.compile("wx[0-9a-f]{16}");
    private static final Pattern LOOPBACK_HTTP = Pattern.compile("http://(127\\.0\\.0\\.1|localhost)(:\\d{1,5})?(/.*)?");

    /** Null when not configured or malformed. */
    public final String miniProgramAppId;
    /** Without a trailing slash; null when not configured or not https (plain http only to loopback). */
    public final String backendBaseUrl;

    private HostConfig(String miniProgramAppId, String backendBaseUrl) {
        this.miniProgramAppId = miniProgramAppId;
        this.backendBaseUrl = backendBaseUrl;
    }

    public static HostConfig of(String miniProgramAppId, String backendBaseUrl) {
        String appId = miniProgramAppId == null ? "" : miniProgramAppId.trim();
        String base = backendBaseUrl == null ? "" : backendBaseUrl.trim();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        boolean baseOk = !base.contains(" ") && (base.matches("https://[^/?#]+(/[^?#]*)?") || LOOPBACK_HTTP.matcher(base).matches());
        return new HostConfig(APP_ID.matcher(appId).matches() ? appId : null, baseOk ? base : null);
    }

    /** True only for our own Mini Program: a push for any other app is never launched. */
    public boolean isOurMiniProgram(String appId) {
        return miniProgramAppId != null && miniProgramAppId.equals(appId);
    }
}
