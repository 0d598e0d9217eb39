package com.familycall.host.core;

import java.util.concurrent.Executor;

/** Wires the host's decisions from the platform pieces; the Android runtime and the tests build it the same way. */
public final class HostCore {
    public final HostCommands commands;
    public final EventRegistry events;
    public final IncomingCallHandler incomingCalls;
    public final DeviceRegistrar registrar;
    public final PushListenerBinder pushListener;
    public final PushTokenUploader pushToken;
    public final CredentialKeeper credential;
    private final WmpfGateway wmpf;
    private final Executor io;
    private boolean started;

    /**
     * @param hostStore registration record and event registrations
     * @param secretStore the device secret only (private storage; see DeviceSecret)
     */
    public HostCore(WmpfGateway wmpf, WmpfVersionSource versions, KeyValueStore hostStore, KeyValueStore secretStore,
            HostConfig config, BackendClient backend, EventSink eventSink, Executor io, Scheduler scheduler,
            Clock clock, NonceSource nonces, HostLog log) {
        this.wmpf = wmpf;
        this.io = io;
        IncomingCallSession session = new IncomingCallSession();
        PrefetchService prefetch = new PrefetchService(wmpf, versions, log);
        DeviceInfoService deviceInfo = new DeviceInfoService(wmpf, versions, hostStore, log);
        events = new EventRegistry(hostStore, eventSink, log);
        pushToken = new PushTokenUploader(wmpf, versions, deviceInfo, secretStore, config, backend, io, scheduler, clock,
                nonces, log);
        credential = new CredentialKeeper(prefetch, deviceInfo, versions, io, scheduler, log);
        commands = new HostCommands(deviceInfo, prefetch, new CallEndedHandler(wmpf, session, log),
                new BackendRequestSigner(secretStore, clock, nonces, log), new HostStatus(secretStore, wmpf, pushToken),
                io, log);
        incomingCalls = new IncomingCallHandler(wmpf, prefetch, session, io, log, config);
        registrar = new DeviceRegistrar(wmpf, versions, hostStore, secretStore, config, events,
                new DeviceRegistrar.AfterRegistration() {
                    @Override
                    public void registered() {
                        pushToken.refresh("registered");
                        credential.refresh("registered");
                    }
                }, io, log);
        pushListener = new PushListenerBinder(wmpf, versions, incomingCalls, io, scheduler, log,
                new PushListenerBinder.WmpfEvents() {
                    @Override
                    public void onWmpfRestarted() {
                        pushToken.refresh("WMPF restarted");
                        credential.refresh("WMPF restarted");
                    }

                    @Override
                    public void onActivationOutdated() {
                        pushToken.refresh("activation outdated");
                        credential.refresh("activation outdated");
                    }
                });
    }

    /**
     * Host start — the process starting for any reason: Application.onCreate after boot (BootReceiver), after an
     * update, after the system killed it. Wakes WMPF up, binds the listeners (restart, push) and uploads the push
     * token (activating WMPF first when needed), and starts keeping the credential warm. Idempotent.
     */
    public synchronized void start() {
        if (started) return;
        started = true;
        io.execute(new Runnable() {
            @Override
            public void run() {
                wmpf.wakeUpWmpf();
            }
        });
        pushListener.start();
        pushToken.refresh("host start");
        credential.refresh("host start");
    }

    /** After the device secret was provisioned (or rotated): the token goes up signed with it. */
    public void provisioned() {
        pushToken.refresh("device secret provisioned");
    }
}
