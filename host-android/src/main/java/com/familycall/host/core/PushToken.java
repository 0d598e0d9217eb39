package com.familycall.host.core;

/** WMPFDeviceApi.getPushToken(appId): the token (never logged) and its expireTimestamp as WMPF gave it. */
public final class PushToken {
    public final String token;
    /** An int in wmpf-cli 2.2.0; its unit is not documented (seconds since epoch is the likely reading). */
    public final long expireTimestamp;

    public PushToken(String token, long expireTimestamp) {
        this.token = token;
        this.expireTimestamp = expireTimestamp;
    }
}
