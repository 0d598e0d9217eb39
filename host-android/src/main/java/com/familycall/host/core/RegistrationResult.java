package com.familycall.host.core;

/** What WMPF's registerMiniProgramDevice() answered: success is {@code code == 0}, whatever the call returned. */
public final class RegistrationResult {
    public final int code;
    public final String errMsg;

    public RegistrationResult(int code, String errMsg) {
        this.code = code;
        this.errMsg = errMsg;
    }

    public boolean succeeded() {
        return code == 0;
    }
}
