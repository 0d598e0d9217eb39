package com.familycall.host.core;

import static com.familycall.host.core.Fakes.APP_ID;
import static com.familycall.host.core.HostTests.eq;
import static com.familycall.host.core.HostTests.yes;

import com.familycall.host.core.Fakes.Harness;
import com.familycall.host.core.Fakes.ReplyBox;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Dispatch and replies, invokeSync, voipCallEnded (the end-of-call rule), Channel event registrations. */
final class CommandTests {
    private static final String CALL_ENDED = HostCommands.VOIP_CALL_ENDED;

    private CommandTests() {
    }

    static void register(HostTests t) {
        t.group("dispatch: every invoke gets exactly one reply");
        t.test("an unknown command (or none) gets hostError unknown-command", () -> {
            Harness h = new Harness("2.4.0");
            eq("unknown-command", Json.parseObject(h.invoke("fooBar", "{}")).get("hostError"));
            eq("unknown-command", Json.parseObject(h.invoke(null, null)).get("hostError"));
        });
        t.test("invokeSync answers a host error at once and touches nothing", () -> {
            Harness h = new Harness("2.4.0");
            String reply = h.core.commands.invokeSync(HostCommands.GET_DEVICE_INFO, "{}");
            eq("unsupported", Json.parseObject(reply).get("hostError"));
            eq(0, h.io.pending());
            eq(List.of(), h.timeline.snapshot());
        });
        t.test("a command that throws still gets one reply: hostError internal", () -> {
            Harness h = new Harness("2.4.0");
            h.wmpf.deviceInfoCrash = new IllegalStateException("service not bound");
            eq("internal", Json.parseObject(h.invoke(HostCommands.GET_DEVICE_INFO, "{}")).get("hostError"));
        });
        t.test("a reply the channel refuses is logged, not sent again", () -> {
            Harness h = new Harness("2.4.0");
            ReplyBox box = new ReplyBox(h.timeline);
            box.failure = new IllegalStateException("Mini Program gone");
            h.core.commands.invoke(HostCommands.PREFETCH_DEVICE_TOKEN, "{}", box);
            h.io.runAll();
            box.eqSize(1);
            yes(h.log.all().contains("reply not delivered"), "logged");
        });
        t.test("a second reply to one invoke is dropped", () -> {
            Fakes.RecordingLog log = new Fakes.RecordingLog();
            ReplyBox box = new ReplyBox(new Fakes.Timeline());
            OnceReply reply = new OnceReply(box, "cmd", log);
            reply.send("{}");
            reply.send("{\"again\":1}");
            eq(List.of("{}"), box.replies);
        });
        t.test("when the worker refuses work (host stopping), the reply is sent at once", () -> {
            Harness h = new Harness("2.4.0");
            Executor closed = task -> {
                throw new RejectedExecutionException("shut down");
            };
            HostCore core = new HostCore(h.wmpf, h.version, h.store, h.secrets, Fakes.CONFIG, h.backend, h.events, closed, h.scheduler,
                    () -> 0L, bytes -> { }, h.log);
            ReplyBox box = new ReplyBox(h.timeline);
            core.commands.invoke(HostCommands.GET_DEVICE_INFO, "{}", box);
            eq("internal", Json.parseObject(box.only()).get("hostError"));
        });

        t.group("voipCallEnded: close only an incoming call the host launched the Mini Program for");
        t.test("incoming call after the host's launch: {} first, then closeWxaApp(appId, true)", () -> {
            Harness h = new Harness("2.4.0");
            h.push(Fakes.callPush(APP_ID, 0L));
            eq("{}", h.invoke(CALL_ENDED, "{\"roomId\":\"r1\",\"keepTime\":42,\"reason\":\"hung-up\",\"direction\":\"incoming\"}"));
            List<String> timeline = h.timeline.snapshot();
            int reply = timeline.indexOf("reply {}");
            int close = timeline.indexOf("closeWxaApp " + APP_ID + " true");
            yes(reply >= 0 && close > reply, "reply before close: " + timeline);
            h.assertCleanLog();
        });
        t.test("the launch is forgotten once closed: a second incoming end closes nothing", () -> {
            Harness h = new Harness("2.4.0");
            h.push(Fakes.callPush(APP_ID, 0L));
            h.invoke(CALL_ENDED, "{\"direction\":\"incoming\"}");
            h.invoke(CALL_ENDED, "{\"direction\":\"incoming\"}");
            eq(1L, h.wmpf.count("closeWxaApp"));
        });
        t.test("outgoing call: {} and nothing else (the Mini Program shows its outcome view)", () -> {
            Harness h = new Harness("2.4.0");
            h.push(Fakes.callPush(APP_ID, 0L));
            eq("{}", h.invoke(CALL_ENDED, "{\"direction\":\"outgoing\",\"reason\":\"hung-up\"}"));
            eq(0L, h.wmpf.count("closeWxaApp"));
        });
        t.test("incoming call the host did not launch, or no/unknown direction: nothing closed", () -> {
            Harness h = new Harness("2.4.0");
            eq("{}", h.invoke(CALL_ENDED, "{\"direction\":\"incoming\"}"));
            h.push(Fakes.callPush(APP_ID, 0L));
            eq("{}", h.invoke(CALL_ENDED, "{\"roomId\":\"r1\",\"keepTime\":0,\"reason\":\"no-answer\"}"));
            eq("{}", h.invoke(CALL_ENDED, "{\"direction\":\"INCOMING\"}"));
            eq("{}", h.invoke(CALL_ENDED, "{\"direction\":1}"));
            eq(0L, h.wmpf.count("closeWxaApp"));
        });
        t.test("a failed launch leaves nothing to close", () -> {
            Harness h = new Harness("2.4.0");
            h.wmpf.launchFailure = new WmpfCallException(1, 10001, "call WMPF.apk fail");
            h.push(Fakes.callPush(APP_ID, 0L));
            h.invoke(CALL_ENDED, "{\"direction\":\"incoming\"}");
            eq(0L, h.wmpf.count("closeWxaApp"));
        });
        t.test("malformed data: hostError bad-request, nothing closed; a failed close is only logged", () -> {
            Harness h = new Harness("2.4.0");
            h.push(Fakes.callPush(APP_ID, 0L));
            eq("bad-request", Json.parseObject(h.invoke(CALL_ENDED, "[\"incoming\"]")).get("hostError"));
            eq(0L, h.wmpf.count("closeWxaApp"));
            h.wmpf.closeFailure = new WmpfCallException(1, -1, "no such app");
            eq("{}", h.invoke(CALL_ENDED, "{\"direction\":\"incoming\"}"));
            yes(h.log.all().contains("closeWxaApp failed"), "logged");
        });

        t.group("Channel events (registerEvent / unregisterEvent), persisted across host restarts");
        t.test("a registration survives a restart and the event reaches it", () -> {
            Fakes.MemoryStore store = new Fakes.MemoryStore();
            Fakes.RecordingEvents sink = new Fakes.RecordingEvents();
            Fakes.RecordingLog log = new Fakes.RecordingLog();
            new EventRegistry(store, sink, log).register("registrationChanged", "id-1");
            EventRegistry afterRestart = new EventRegistry(store, sink, log);
            eq(1, afterRestart.publish("registrationChanged", "{\"registered\":1}"));
            eq(List.of("id-1 registrationChanged {\"registered\":1}"), sink.sent);
        });
        t.test("every id of the event is notified, other events are not; unregister removes one", () -> {
            Fakes.MemoryStore store = new Fakes.MemoryStore();
            Fakes.RecordingEvents sink = new Fakes.RecordingEvents();
            EventRegistry events = new EventRegistry(store, sink, new Fakes.RecordingLog());
            events.register("registrationChanged", "a");
            events.register("registrationChanged", "b");
            events.register("other", "c");
            events.register("registrationChanged", "a");
            events.unregister("registrationChanged", "b");
            events.publish("registrationChanged", "{}");
            eq(List.of("a registrationChanged {}"), sink.sent);
        });
        t.test("only the newest 8 ids of an event are kept", () -> {
            Fakes.RecordingEvents sink = new Fakes.RecordingEvents();
            EventRegistry events = new EventRegistry(new Fakes.MemoryStore(), sink, new Fakes.RecordingLog());
            for (int i = 1; i <= 10; i++) events.register("registrationChanged", "id-" + i);
            eq(EventRegistry.MAX_IDS_PER_EVENT, events.publish("registrationChanged", "{}"));
            yes(!sink.sent.contains("id-1 registrationChanged {}") && !sink.sent.contains("id-2 registrationChanged {}"),
                    "oldest dropped: " + sink.sent);
        });
        t.test("one failing delivery does not stop the others; unreadable storage starts afresh", () -> {
            Fakes.MemoryStore store = new Fakes.MemoryStore();
            store.put(EventRegistry.KEY, "{broken");
            Fakes.RecordingEvents sink = new Fakes.RecordingEvents();
            Fakes.RecordingLog log = new Fakes.RecordingLog();
            EventRegistry events = new EventRegistry(store, sink, log);
            events.register("registrationChanged", "a");
            events.register("registrationChanged", "b");
            events.register("", "c");
            sink.failingId = "a";
            eq(1, events.publish("registrationChanged", "{}"));
            eq(List.of("b registrationChanged {}"), sink.sent);
            yes(log.all().contains("unreadable"), "logged");
        });
    }
}
