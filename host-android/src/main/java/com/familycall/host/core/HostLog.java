package com.familycall.host.core;

/**
 * The host's log. Callers pass fixed texts, command names and error codes only: never an sn, a push message, a
 * secret, a nonce, a signature or the data of a command (docs/host-protocol.md §6).
 */
public interface HostLog {
    void info(String message);

    void warn(String message);

    void error(String message);
}
