package com.familycall.host.core;

/** Random bytes for nonces (on Android and in production: java.security.SecureRandom#nextBytes). */
public interface NonceSource {
    void nextBytes(byte[] bytes);
}
