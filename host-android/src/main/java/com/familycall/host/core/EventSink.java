package com.familycall.host.core;

/** Delivers a Channel event to the Mini Program (on Android: WMPFClientProvider.notifyInvokeChannelEvent). */
public interface EventSink {
    void send(String eventId, String event, String payload) throws Exception;
}
