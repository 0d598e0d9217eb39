package com.familycall.host.core;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The Invoke Channel commands (docs/host-protocol.md §2). {@link #invoke} returns at once: the work runs on the
 * worker executor and exactly one reply goes back, whatever happens.
 */
public final class HostCommands {
    public static final String GET_DEVICE_INFO = "getMiniProgramDeviceInfo";
    public static final String PREFETCH_DEVICE_TOKEN = "prefetchDeviceToken";
    public static final String VOIP_CALL_ENDED = "voipCallEnded";
    public static final String SIGN_BACKEND_REQUEST = "signBackendRequest";
    public static final String GET_HOST_STATUS = "getHostStatus";

    private final Map<String, CommandHandler> handlers = new HashMap<String, CommandHandler>();
    private final Executor io;
    private final HostLog log;

    HostCommands(final DeviceInfoService deviceInfo, final PrefetchService prefetch, CallEndedHandler callEnded,
            BackendRequestSigner signer, final HostStatus status, Executor io, HostLog log) {
        this.io = io;
        this.log = log;
        handlers.put(GET_DEVICE_INFO, new CommandHandler() {
            @Override
            public void handle(String data, OnceReply reply) {
                reply.send(deviceInfo.query());
            }
        });
        handlers.put(PREFETCH_DEVICE_TOKEN, new CommandHandler() {
            @Override
            public void handle(String data, OnceReply reply) {
                reply.send(prefetch.prefetch());
            }
        });
        handlers.put(VOIP_CALL_ENDED, callEnded);
        handlers.put(SIGN_BACKEND_REQUEST, signer);
        handlers.put(GET_HOST_STATUS, new CommandHandler() {
            @Override
            public void handle(String data, OnceReply reply) {
                reply.send(status.reply());
            }
        });
    }

    /** wmpf.Channel.invoke: never blocks the calling (binder) thread; replies exactly once through the sink. */
    public void invoke(final String command, final String data, ReplySink sink) {
        final CommandHandler handler = command == null ? null : handlers.get(command);
        final String name = handler == null ? "unknown command" : command;
        final OnceReply reply = new OnceReply(sink, name, log);
        try {
            io.execute(new Runnable() {
                @Override
                public void run() {
                    if (handler == null) {
                        log.info("invoke: unknown command");
                        reply.send(Replies.hostError(Replies.UNKNOWN_COMMAND, "this host does not implement the command"));
                    } else {
                        handle(name, handler, data == null ? "" : data, reply);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            reply.send(Replies.hostError(Replies.INTERNAL, "the host is shutting down"));
        }
    }

    /** wmpf.Channel.invokeSync: not part of this protocol; answered at once, nothing blocking is done. */
    public String invokeSync(String command, String data) {
        log.info("invokeSync refused: the protocol uses invoke");
        return Replies.hostError(Replies.UNSUPPORTED, "invokeSync is not supported: use wmpf.Channel.invoke");
    }

    private void handle(String name, CommandHandler handler, String data, OnceReply reply) {
        try {
            handler.handle(data, reply);
        } catch (Exception e) {
            log.error(name + " failed: " + e.getClass().getSimpleName());
        } finally {
            if (!reply.sent()) reply.send(Replies.hostError(Replies.INTERNAL, name + " failed on the host"));
        }
    }
}
