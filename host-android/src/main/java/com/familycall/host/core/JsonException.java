package com.familycall.host.core;

/** Text that is not the JSON we expect. Its message names the problem, never the text. */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
