package com.familycall.host.app;

import com.familycall.host.core.EventRegistry;
import com.familycall.host.core.HostCommands;
import com.familycall.host.core.ReplySink;
import com.tencent.wmpf.app.WMPFClientProvider;
import com.tencent.wmpf.utils.ExceptionalConsumer;

/**
 * The Invoke Channel end point (authority com.tencent.wmpf.cli.provider, see AndroidManifest.xml). WMPF calls the
 * four delegate methods on binder threads; each hands over to the host core at once.
 */
public class FamilyCallClientProvider extends WMPFClientProvider implements WMPFClientProvider.InvokeChannelDelegate {
    private volatile HostCommands commands;
    private volatile EventRegistry events;

    public FamilyCallClientProvider() {
        setInvokeChannelDelegate(this);
    }

    @Override
    public boolean onCreate() {
        HostRuntime runtime = HostRuntime.get(getContext());
        commands = runtime.core.commands;
        events = runtime.core.events;
        return true;
    }

    /** wmpf.Channel.registerEvent: persisted, so that events still arrive after the host restarts. */
    @Override
    public void registerEvent(String event, String eventId) {
        events.register(event, eventId);
    }

    /** wmpf.Channel.unregisterEvent. */
    @Override
    public void unregisterEvent(String event, String eventId) {
        events.unregister(event, eventId);
    }

    /** wmpf.Channel.invoke: returns at once; exactly one reply goes back through the callback. */
    @Override
    public void invoke(String command, String data, final ExceptionalConsumer<String, ? extends Exception> callback) {
        commands.invoke(command, data, new ReplySink() {
            @Override
            public void send(String reply) throws Exception {
                callback.consume(reply);
            }
        });
    }

    /** wmpf.Channel.invokeSync: not used by the protocol; answered at once with a host error, never blocks. */
    @Override
    public String invokeSync(String command, String data) {
        return commands.invokeSync(command, data);
    }
}
