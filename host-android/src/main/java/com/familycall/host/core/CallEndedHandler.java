package com.familycall.host.core;

import java.util.Map;

/**
 * {@code voipCallEnded}: replies {} first, then closes the Mini Program (closeWxaApp(appId, keepRunning = true): it
 * stays warm) only when the host itself launched it for an incoming-call push and the call that ended is incoming.
 * Otherwise nothing: the Mini Program shows its own outcome view. This is THE end-of-call behaviour.
 */
final class CallEndedHandler implements CommandHandler {
    private final WmpfGateway wmpf;
    private final IncomingCallSession session;
    private final HostLog log;

    CallEndedHandler(WmpfGateway wmpf, IncomingCallSession session, HostLog log) {
        this.wmpf = wmpf;
        this.session = session;
        this.log = log;
    }

    @Override
    public void handle(String data, OnceReply reply) {
        String direction;
        try {
            Map<String, Object> json = Json.parseObject(data);
            Object value = json.get("direction");
            direction = value instanceof String ? (String) value : "";
        } catch (JsonException e) {
            reply.send(Replies.hostError(Replies.BAD_REQUEST, "data must be a JSON object"));
            return;
        }
        reply.send(Replies.empty());
        String appId = closeTarget(direction, session);
        if (appId == null) {
            log.info("call ended (" + describe(direction) + "): Mini Program left open");
            return;
        }
        try {
            wmpf.closeWxaApp(appId, true);
            log.info("call ended (incoming, launched by the host): Mini Program closed, kept warm");
        } catch (WmpfCallException e) {
            log.warn("call ended: closeWxaApp failed: " + e.getMessage());
        }
    }

    private static String describe(String direction) {
        if (direction.equals("outgoing")) return "outgoing";
        if (direction.equals("incoming")) return "incoming, not launched by the host";
        return "direction unknown";
    }

    /** The AppID to close, or null: only an incoming call the host launched the Mini Program for. */
    static String closeTarget(String direction, IncomingCallSession session) {
        return "incoming".equals(direction) ? session.take() : null;
    }
}
