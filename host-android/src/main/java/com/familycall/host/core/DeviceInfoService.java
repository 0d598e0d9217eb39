package com.familycall.host.core;

/**
 * Answers {@code getMiniProgramDeviceInfo} by WMPF version (docs/host-protocol.md §2.1):
 * >= 2.2.0 asks WMPF; 2.1.x answers from the host's registration record, else "unsupported"; below 2.1.0 (the
 * reference host's floor: it has no legacy 1.2 registration) answers "not registered". Queries are serialised: WMPF must never see two at once.
 */
public final class DeviceInfoService {
    private final WmpfGateway wmpf;
    private final WmpfVersionSource versions;
    private final KeyValueStore store;
    private final HostLog log;
    private final Object oneQueryAtATime = new Object();

    public DeviceInfoService(WmpfGateway wmpf, WmpfVersionSource versions, KeyValueStore store, HostLog log) {
        this.wmpf = wmpf;
        this.versions = versions;
        this.store = store;
        this.log = log;
    }

    /** The reply JSON. Blocking (WMPF IPC): call it from a worker thread. */
    public String query() {
        synchronized (oneQueryAtATime) {
            WmpfVersion version = WmpfVersion.parse(versions.versionName());
            if (version == null) {
                log.warn("device info: WMPF is not installed or its version is unreadable");
                return Replies.hostError(Replies.INTERNAL, "WMPF is not installed or its version is unreadable");
            }
            // The reference host registers only through the 2.1.0 device API (the legacy 1.2 IPC tasks are not
            // implemented): below it there is no registration this host could have made or could report.
            if (!version.atLeast(WmpfVersion.DEVICE_API)) return Replies.tooOldToRegister(version);
            if (version.atLeast(WmpfVersion.CLIENT_PROVIDER)) return askWmpf(version);
            RegistrationRecord record = RegistrationRecord.load(store);
            if (record != null) return Replies.deviceInfo(true, record.sn, record.modelId, version);
            return Replies.hostError(Replies.UNSUPPORTED,
                    "getMiniProgramDeviceInfo needs WMPF 2.2.0 and this host has no registration record (WMPF "
                            + version + ")");
        }
    }

    /**
     * The registration the host's own work relies on (the push-token upload): on WMPF >= 2.2.0 WMPF's answer, on
     * 2.1.x the host's record; null when the device is not registered, or WMPF is below 2.1.0 or unreadable.
     * Serialised with the device-info question. Blocking (WMPF IPC).
     */
    public DeviceInfo registeredDevice() throws WmpfCallException {
        synchronized (oneQueryAtATime) {
            WmpfVersion version = WmpfVersion.parse(versions.versionName());
            if (version == null || !version.atLeast(WmpfVersion.DEVICE_API)) return null;
            if (version.atLeast(WmpfVersion.CLIENT_PROVIDER)) {
                DeviceInfo info = wmpf.getMiniProgramDeviceInfo();
                return info != null && info.registered && info.sn != null && !info.sn.isEmpty() ? info : null;
            }
            RegistrationRecord record = RegistrationRecord.load(store);
            return record == null ? null : new DeviceInfo(true, record.sn, record.modelId);
        }
    }

    private String askWmpf(WmpfVersion version) {
        try {
            DeviceInfo info = wmpf.getMiniProgramDeviceInfo();
            if (info == null) return Replies.hostError(Replies.INTERNAL, "getMiniProgramDeviceInfo returned nothing");
            return Replies.deviceInfo(info.registered, info.sn, info.modelId, version);
        } catch (WmpfCallException e) {
            log.warn("device info: " + e.getMessage());
            return Replies.hostError(Replies.INTERNAL, "getMiniProgramDeviceInfo failed: " + e.getMessage());
        }
    }
}
