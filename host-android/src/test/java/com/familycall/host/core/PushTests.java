package com.familycall.host.core;

import static com.familycall.host.core.Fakes.APP_ID;
import static com.familycall.host.core.Fakes.CALL_PATH;
import static com.familycall.host.core.HostTests.eq;
import static com.familycall.host.core.HostTests.yes;

import com.familycall.host.core.Fakes.Harness;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Incoming calls: push parsing and recognition, launch parameters, prefetch on push, listener binding. */
final class PushTests {
    private PushTests() {
    }

    static void register(HostTests t) {
        t.group("push messages: which are calls, and the launch parameters");
        t.test("a call push gives appid, the path unchanged and the app type 0, 1 or 2", () -> {
            for (long type = 0; type < 3; type++) {
                CallPush push = CallPush.parse(Fakes.callPush(APP_ID, type));
                eq(APP_ID, push.appId);
                eq(CALL_PATH, push.path);
                eq((int) type, push.appType);
            }
        });
        t.test("appType missing means release (0), as in the official demo", () -> {
            eq(0, CallPush.parse(Fakes.callPush(APP_ID, null)).appType);
        });
        t.test("appType out of range or not an integer: refused (no launch with a wrong version)", () -> {
            for (Object bad : new Object[] {3L, -1L, 1.5, "1", true, Json.NULL}) {
                eq(CallPush.Verdict.BAD_APP_TYPE, CallPush.examine(Fakes.callPush(APP_ID, bad)).verdict);
            }
        });
        t.test("not a call: path without the plugin AppID, or no path", () -> {
            eq(CallPush.Verdict.NOT_A_CALL,
                    CallPush.examine("{\"path\":\"pages/index/index\",\"appType\":0,\"appid\":\"wx1\"}").verdict);
            eq(CallPush.Verdict.NOT_A_CALL, CallPush.examine("{\"appType\":0,\"appid\":\"wx1\"}").verdict);
            eq(CallPush.Verdict.NOT_A_CALL, CallPush.examine("{\"path\":[\"wxf830863afde621eb\"]}").verdict);
        });
        t.test("a call push without an appid is refused", () -> {
            eq(CallPush.Verdict.NO_APP_ID, CallPush.examine(Fakes.callPush(null, 0L)).verdict);
            eq(CallPush.Verdict.NO_APP_ID, CallPush.examine(Fakes.callPush("  ", 0L)).verdict);
            eq(CallPush.Verdict.NO_APP_ID,
                    CallPush.examine("{\"path\":\"" + CALL_PATH + "\",\"appid\":7}").verdict);
        });
        t.test("not JSON, not an object, or nothing at all", () -> {
            for (String bad : new String[] {null, "", "hello", "[1]", "\"{}\"", "{\"path\":"}) {
                eq(CallPush.Verdict.NOT_JSON, CallPush.examine(bad).verdict);
            }
        });

        t.group("incoming call: push → launch on the call page, prefetch alongside");
        t.test("a call push launches the Mini Program with the push's appid, path and type, and prefetches", () -> {
            Harness h = new Harness("2.4.0");
            h.core.incomingCalls.onPushMessage(Fakes.callPush(APP_ID, 2L));
            eq(List.of(), h.timeline.snapshot());
            h.io.runAll();
            eq(List.of("launchMiniProgram " + APP_ID + " 2", "prefetchDeviceToken"), h.timeline.snapshot());
            h.assertCleanLog();
        });
        t.test("other pushes are ignored, and nothing of their content is logged", () -> {
            Harness h = new Harness("2.4.0");
            h.push("{\"path\":\"pages/news/index?sn=" + Fakes.SN + "\",\"appType\":0,\"appid\":\"wx1\"}");
            h.push("garbage " + Fakes.SN);
            h.push(Fakes.callPush(APP_ID, 9L));
            eq(List.of(), h.timeline.snapshot());
            h.assertCleanLog();
        });
        t.test("the launch never waits for the prefetch (prefetch stuck on the network)", () -> {
            Fakes.Timeline timeline = new Fakes.Timeline();
            FakeWmpf wmpf = new FakeWmpf(timeline);
            wmpf.prefetchGate = new CountDownLatch(1);
            ExecutorService io = HostExecutors.newIoExecutor();
            try {
                Fakes.Version version = new Fakes.Version("2.4.0");
                IncomingCallHandler calls = new IncomingCallHandler(wmpf, new PrefetchService(wmpf, version,
                        new Fakes.RecordingLog()), new IncomingCallSession(), io, new Fakes.RecordingLog(), Fakes.CONFIG);
                calls.onPushMessage(Fakes.callPush(APP_ID, 0L));
                yes(wmpf.launched.await(5, TimeUnit.SECONDS), "launched while the prefetch is still blocked");
            } finally {
                wmpf.prefetchGate.countDown();
                io.shutdown();
            }
        });

        t.group("push listener: bound at host start, by WMPF version");
        t.test("WMPF >= 2.2: registerPushMsgEventListener once, however often start is called", () -> {
            Harness h = new Harness("2.2.0");
            h.core.pushListener.start();
            h.core.pushListener.start();
            h.io.runAll();
            eq(List.of("addWmpfRestartListener", "addActivationOutdatedListener", "registerPushMsgEventListener"),
                    h.timeline.snapshot());
            h.wmpf.pushHandler.onPushMessage(Fakes.callPush(APP_ID, 0L));
            h.io.runAll();
            eq(1L, h.wmpf.count("launchMiniProgram"));
        });
        t.test("WMPF 2.1: setPushMsgCallback, set again after every WMPF restart", () -> {
            Harness h = new Harness("2.1.0");
            h.core.pushListener.start();
            h.io.runAll();
            eq(List.of("addWmpfRestartListener", "setPushMsgCallback"), h.timeline.snapshot());
            h.wmpf.restartListener.run();
            h.io.runAll();
            h.wmpf.restartListener.run();
            h.io.runAll();
            eq(3L, h.wmpf.count("setPushMsgCallback"));
            eq(1L, h.wmpf.count("addWmpfRestartListener"));
        });
        t.test("WMPF below 2.1 or missing: nothing to bind, said in the log, no retries", () -> {
            for (String version : new String[] {"2.0.9", null}) {
                Harness h = new Harness(version);
                h.core.pushListener.start();
                h.io.runAll();
                eq(List.of(), h.timeline.snapshot());
                eq(0, h.scheduler.delays.size());
                yes(h.log.all().contains("cannot receive calls"), "logged");
            }
        });
        t.test("WMPF service not up yet: retried after 2 s, 5 s, 15 s, ... until bound", () -> {
            Harness h = new Harness("2.4.0");
            h.wmpf.pushBindFailuresLeft = 3;
            h.core.pushListener.start();
            h.io.runAll();
            for (int i = 0; i < 3; i++) {
                h.scheduler.fireNext();
                h.io.runAll();
            }
            eq(List.of(2000L, 5000L, 15000L), h.scheduler.delays);
            eq(4L, h.wmpf.count("registerPushMsgEventListener"));
            yes(h.wmpf.pushHandler != null, "bound at last");
        });
    }
}
