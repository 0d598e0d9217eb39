package com.familycall.host.core;

/** What WMPF's getMiniProgramDeviceInfo() answered. */
public final class DeviceInfo {
    public final boolean registered;
    /** The registered sn; null or "" when not registered. Never logged. */
    public final String sn;
    public final String modelId;

    public DeviceInfo(boolean registered, String sn, String modelId) {
        this.registered = registered;
        this.sn = sn;
        this.modelId = modelId;
    }
}
