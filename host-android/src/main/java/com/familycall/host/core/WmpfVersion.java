package com.familycall.host.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed WMPF's version as {@code major.minor.patch}, with the floors of the host APIs this module uses
 * (docs/host-protocol.md §5).
 */
public final class WmpfVersion implements Comparable<WmpfVersion> {
    /**
     * WMPF's own floor for token-less calls (the legacy IPC tasks RegisterMiniProgramDevice / PrefetchDeviceToken).
     * This host does not implement those tasks: its floor is {@link #DEVICE_API}.
     */
    public static final WmpfVersion TOKENLESS_CALLS = new WmpfVersion(1, 2, 0);
    /**
     * This host's floor: prefetchDeviceToken / registerMiniProgramDevice on WMPFMiniProgramDeviceApi;
     * setPushMsgCallback; getPushToken.
     */
    public static final WmpfVersion DEVICE_API = new WmpfVersion(2, 1, 0);
    /** getMiniProgramDeviceInfo; WMPFClientProvider; registerPushMsgEventListener. */
    public static final WmpfVersion CLIENT_PROVIDER = new WmpfVersion(2, 2, 0);

    // Up to three numeric parts; whatever follows (".1234-release", "-beta") is a build suffix and is dropped.
    private static final Pattern LEADING_VERSION = Pattern.compile("^(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?");

    private final int major;
    private final int minor;
    private final int patch;

    private WmpfVersion(int major, int minor, int patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /** Reads a WMPF version name such as "2.4.0" or "2.4.0.1234-release"; null when it does not start with one. */
    public static WmpfVersion parse(String versionName) {
        if (versionName == null) return null;
        Matcher match = LEADING_VERSION.matcher(versionName.trim());
        if (!match.find()) return null;
        return new WmpfVersion(part(match.group(1)), part(match.group(2)), part(match.group(3)));
    }

    private static int part(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    public boolean atLeast(WmpfVersion floor) {
        return compareTo(floor) >= 0;
    }

    @Override
    public int compareTo(WmpfVersion other) {
        if (major != other.major) return major < other.major ? -1 : 1;
        if (minor != other.minor) return minor < other.minor ? -1 : 1;
        if (patch != other.patch) return patch < other.patch ? -1 : 1;
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WmpfVersion && compareTo((WmpfVersion) other) == 0;
    }

    @Override
    public int hashCode() {
        return (major * 1000 + minor) * 1000 + patch;
    }

    /** "2.4.0": what the Mini Program receives as {@code wmpfVersion}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
