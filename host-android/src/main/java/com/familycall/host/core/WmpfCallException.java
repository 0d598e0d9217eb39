package com.familycall.host.core;

/** A WMPF client API call failed (on Android: a WMPFApiException, or the AAR is not usable). */
public final class WmpfCallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errType;
    private final int errCode;
    private final String errMsg;

    public WmpfCallException(int errType, int errCode, String errMsg) {
        super("WMPF call failed (errType " + errType + ", errCode " + errCode + ")");
        this.errType = errType;
        this.errCode = errCode;
        this.errMsg = errMsg;
    }

    public int errType() {
        return errType;
    }

    public int errCode() {
        return errCode;
    }

    /** WMPF's own text (may be null or empty). Goes to the Mini Program, not to logs. */
    public String errMsg() {
        return errMsg;
    }

    /** errMsg, or a text naming the error codes when WMPF gave none: a failure must never read as a success. */
    public String describe() {
        String text = errMsg == null ? "" : errMsg.trim();
        return text.isEmpty() ? getMessage() : text;
    }
}
