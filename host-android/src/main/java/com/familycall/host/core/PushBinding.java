package com.familycall.host.core;

/** How the host listens for WMPF push messages, by WMPF version (bound at host start, before any call). */
public enum PushBinding {
    /** WMPF >= 2.2.0: registerPushMsgEventListener; WMPF re-binds it after restarting. */
    EVENT_LISTENER,
    /** WMPF 2.1.x: setPushMsgCallback, lost when WMPF restarts: set again in onWMPFRestart(). */
    CALLBACK_REBOUND_ON_RESTART,
    /** WMPF below 2.1.0, not installed or unreadable: no push API; the device cannot receive calls. */
    NONE;

    public static PushBinding forVersion(WmpfVersion version) {
        if (version == null || !version.atLeast(WmpfVersion.DEVICE_API)) return NONE;
        return version.atLeast(WmpfVersion.CLIENT_PROVIDER) ? EVENT_LISTENER : CALLBACK_REBOUND_ON_RESTART;
    }
}
