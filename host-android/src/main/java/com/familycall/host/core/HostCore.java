package com.familycall.host.core;

import java.util.concurrent.Executor;

/** Wires the host's decisions from the platform pieces; the Android runtime and the tests build it the same way. */
public final class HostCore {
    public final HostCommands commands;
    public final EventRegistry events;
    public final IncomingCallHandler incomingCalls;
    public final DeviceRegistrar registrar;
    public final PushListenerBinder pushListener;

    /**
     * @param hostStore registration record and event registrations
     * @param secretStore the device secret only (private storage; see DeviceSecret)
     */
    public HostCore(WmpfGateway wmpf, WmpfVersionSource versions, KeyValueStore hostStore, KeyValueStore secretStore,
            EventSink eventSink, Executor io, Scheduler scheduler, Clock clock, NonceSource nonces,
            HostLog log) {
        IncomingCallSession session = new IncomingCallSession();
        PrefetchService prefetch = new PrefetchService(wmpf, versions, log);
        events = new EventRegistry(hostStore, eventSink, log);
        commands = new HostCommands(new DeviceInfoService(wmpf, versions, hostStore, log), prefetch,
                new CallEndedHandler(wmpf, session, log), new BackendRequestSigner(secretStore, clock, nonces, log), io,
                log);
        incomingCalls = new IncomingCallHandler(wmpf, prefetch, session, io, log);
        registrar = new DeviceRegistrar(wmpf, versions, hostStore, events, io, log);
        pushListener = new PushListenerBinder(wmpf, versions, incomingCalls, io, scheduler, log);
    }
}
