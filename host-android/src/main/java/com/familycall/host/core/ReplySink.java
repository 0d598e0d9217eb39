package com.familycall.host.core;

/** Where an invoke's reply goes (on Android: the ExceptionalConsumer WMPF handed to invoke). */
public interface ReplySink {
    void send(String reply) throws Exception;
}
