package com.familycall.host.core;

/** Seconds since the epoch (the host's clock: the backend allows ±300 s). */
public interface Clock {
    Clock SYSTEM = new Clock() {
        @Override
        public long nowSeconds() {
            return System.currentTimeMillis() / 1000L;
        }
    };

    long nowSeconds();
}
