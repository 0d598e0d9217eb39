package com.familycall.host.core;

import static com.familycall.host.core.Fakes.MODEL_ID;
import static com.familycall.host.core.Fakes.SN;
import static com.familycall.host.core.HostTests.eq;
import static com.familycall.host.core.HostTests.excludes;
import static com.familycall.host.core.HostTests.yes;

import com.familycall.host.core.Fakes.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** getMiniProgramDeviceInfo by WMPF version, the host's registration record, prefetchDeviceToken. */
final class DeviceTests {
    private static final String DEVICE_INFO = HostCommands.GET_DEVICE_INFO;
    private static final String PREFETCH = HostCommands.PREFETCH_DEVICE_TOKEN;

    private DeviceTests() {
    }

    static void register(HostTests t) {
        t.group("getMiniProgramDeviceInfo");
        t.test("WMPF >= 2.2.0 asks WMPF; wmpfVersion has its build suffix stripped", () -> {
            Harness h = new Harness("2.4.0.1234-release");
            eq("{\"registered\":1,\"sn\":\"SN0001-abc\",\"modelId\":\"model-1\",\"wmpfVersion\":\"2.4.0\"}",
                    h.invoke(DEVICE_INFO, "{}"));
            eq(1L, h.wmpf.count("getMiniProgramDeviceInfo"));
            h.assertCleanLog();
        });
        t.test("WMPF >= 2.2.0, not registered: registered 0 and empty sn/modelId (never null)", () -> {
            Harness h = new Harness("2.2.0");
            h.wmpf.deviceInfo = new DeviceInfo(false, null, null);
            eq("{\"registered\":0,\"sn\":\"\",\"modelId\":\"\",\"wmpfVersion\":\"2.2.0\"}", h.invoke(DEVICE_INFO, "{}"));
        });
        t.test("WMPF >= 2.2.0 asks WMPF even when the host has a record (WMPF is the truth)", () -> {
            Harness h = new Harness("2.2.0");
            new RegistrationRecord("OLD-SN", "old-model").save(h.store);
            h.wmpf.deviceInfo = new DeviceInfo(false, "", "");
            eq(0L, ((Long) Json.parseObject(h.invoke(DEVICE_INFO, "{}")).get("registered")));
        });
        t.test("WMPF failure is an internal host error whose message holds no sn", () -> {
            Harness h = new Harness("2.3.1");
            h.wmpf.deviceInfoFailure = new WmpfCallException(1, -3, "cert fail for " + SN);
            String reply = h.invoke(DEVICE_INFO, "{}");
            eq("internal", Json.parseObject(reply).get("hostError"));
            excludes(reply, SN);
            h.assertCleanLog();
        });
        t.test("WMPF 2.1.x answers from the host's registration record, without asking WMPF", () -> {
            Harness h = new Harness("2.1.3");
            new RegistrationRecord(SN, MODEL_ID).save(h.store);
            eq("{\"registered\":1,\"sn\":\"SN0001-abc\",\"modelId\":\"model-1\",\"wmpfVersion\":\"2.1.3\"}",
                    h.invoke(DEVICE_INFO, "{}"));
            eq(0L, h.wmpf.count("getMiniProgramDeviceInfo"));
        });
        t.test("WMPF 1.2–2.0 (legacy registration, not implemented by this host): registered 0, WMPF not asked", () -> {
            for (String version : new String[] {"1.2.0", "2.0.9"}) {
                Harness h = new Harness(version);
                new RegistrationRecord(SN, MODEL_ID).save(h.store);
                eq("{\"registered\":0,\"wmpfVersion\":\"" + version + "\"}", h.invoke(DEVICE_INFO, "{}"));
                eq(0L, h.wmpf.count("getMiniProgramDeviceInfo"));
            }
        });
        t.test("WMPF 2.1 without a record (or an unreadable one): hostError unsupported", () -> {
            Harness h = new Harness("2.1.0");
            eq("unsupported", Json.parseObject(h.invoke(DEVICE_INFO, "{}")).get("hostError"));
            h.store.put(RegistrationRecord.KEY, "{\"sn\":42}");
            eq("unsupported", Json.parseObject(h.invoke(DEVICE_INFO, "{}")).get("hostError"));
            h.store.put(RegistrationRecord.KEY, "not json");
            eq("unsupported", Json.parseObject(h.invoke(DEVICE_INFO, "{}")).get("hostError"));
            eq(0L, h.wmpf.count("getMiniProgramDeviceInfo"));
        });
        t.test("WMPF below 1.2.0: registered 0 with the version, so the Mini Program says WMPF is too old", () -> {
            Harness h = new Harness("1.1.9");
            new RegistrationRecord(SN, MODEL_ID).save(h.store);
            eq("{\"registered\":0,\"wmpfVersion\":\"1.1.9\"}", h.invoke(DEVICE_INFO, "{}"));
        });
        t.test("WMPF missing or version unreadable: hostError internal", () -> {
            Harness h = new Harness(null);
            eq("internal", Json.parseObject(h.invoke(DEVICE_INFO, "{}")).get("hostError"));
            h.version.name = "unknown";
            eq("internal", Json.parseObject(h.invoke(DEVICE_INFO, "{}")).get("hostError"));
        });
        t.test("queries are serialised: WMPF never sees two at once (5 threads ask together)", () -> {
            Fakes.RecordingLog log = new Fakes.RecordingLog();
            FakeWmpf wmpf = new FakeWmpf(new Fakes.Timeline());
            DeviceInfoService service =
                    new DeviceInfoService(wmpf, new Fakes.Version("2.4.0"), new Fakes.MemoryStore(), log);
            List<Thread> askers = new ArrayList<>();
            List<String> replies = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 5; i++) askers.add(new Thread(() -> replies.add(service.query())));
            AtomicReference<Thread> first = new AtomicReference<>();
            // The first query holds on until every other asker is blocked on the query lock (or got in beside it).
            wmpf.onDeviceInfo = () -> {
                if (!first.compareAndSet(null, Thread.currentThread())) return;
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < deadline && wmpf.deviceInfoMaxInFlight.get() == 1) {
                    boolean othersBlocked = askers.stream().filter(a -> a != Thread.currentThread())
                            .allMatch(a -> a.getState() == Thread.State.BLOCKED);
                    if (othersBlocked) return;
                    Thread.yield();
                }
            };
            for (Thread asker : askers) asker.start();
            for (Thread asker : askers) asker.join(10_000);
            eq(1, wmpf.deviceInfoMaxInFlight.get());
            eq(5, replies.size());
            for (String reply : replies) eq(1L, Json.parseObject(reply).get("registered"));
        });

        t.group("prefetchDeviceToken (success = empty errMsg, whatever the call returned)");
        t.test("errMsg null, empty or blank is success: {\"errMsg\":null}", () -> {
            Harness h = new Harness("2.1.0");
            for (String errMsg : new String[] {null, "", "   "}) {
                h.wmpf.prefetchErrMsg = errMsg;
                eq("{\"errMsg\":null}", h.invoke(PREFETCH, "{}"));
            }
        });
        t.test("a non-empty errMsg is a failure, passed on as WMPF wrote it", () -> {
            Harness h = new Harness("2.4.0");
            h.wmpf.prefetchErrMsg = " fetch device token fail: -4 ";
            eq("{\"errMsg\":\"fetch device token fail: -4\"}", h.invoke(PREFETCH, "{}"));
        });
        t.test("WMPFApiException: its errMsg; without one, a text naming the codes (never a success)", () -> {
            Harness h = new Harness("2.4.0");
            h.wmpf.prefetchFailure = new WmpfCallException(2, 33, "err:TRANSFER errCode:33");
            eq("{\"errMsg\":\"err:TRANSFER errCode:33\"}", h.invoke(PREFETCH, "{}"));
            h.wmpf.prefetchFailure = new WmpfCallException(2, 10001, "");
            Object errMsg = Json.parseObject(h.invoke(PREFETCH, "{}")).get("errMsg");
            yes(errMsg instanceof String && ((String) errMsg).contains("10001"), "names the code: " + errMsg);
        });
        t.test("below WMPF 2.1.0 WMPF is not asked: errMsg says why", () -> {
            Harness h = new Harness("2.0.5");
            eq("{\"errMsg\":\"prefetch not supported by WMPF 2.0.5\"}", h.invoke(PREFETCH, "{}"));
            eq(0L, h.wmpf.count("prefetchDeviceToken"));
        });
        t.test("the blocking call runs on the worker, never on the caller's thread; one reply", () -> {
            Harness h = new Harness("2.4.0");
            Fakes.ReplyBox box = new Fakes.ReplyBox(h.timeline);
            h.core.commands.invoke(PREFETCH, "{}", box);
            eq(0L, h.wmpf.count("prefetchDeviceToken"));
            box.eqSize(0);
            eq(1, h.io.pending());
            h.io.runAll();
            eq(1L, h.wmpf.count("prefetchDeviceToken"));
            eq("{\"errMsg\":null}", box.only());
        });

        t.group("the host's own registration (registerMiniProgramDevice) and its record");
        t.test("code 0: record kept, registrationChanged sent to every registration, listener told", () -> {
            Harness h = new Harness("2.1.0");
            h.core.events.register(EventRegistry.REGISTRATION_CHANGED, "ev-1");
            Recorder result = new Recorder();
            h.core.registrar.register(Fakes.APP_ID, MODEL_ID, SN, "ticket", result);
            eq(0L, h.wmpf.count("registerMiniProgramDevice"));
            h.io.runAll();
            eq("registered 0", result.outcome);
            eq(List.of("ev-1 registrationChanged {\"registered\":1}"), h.events.sent);
            eq(1L, Json.parseObject(h.invoke(DEVICE_INFO, "{}")).get("registered"));
            h.assertCleanLog("ticket");
        });
        t.test("code != 0: no record, no event (success is code 0, not the call returning)", () -> {
            Harness h = new Harness("2.1.0");
            h.core.events.register(EventRegistry.REGISTRATION_CHANGED, "ev-1");
            h.wmpf.registration = new RegistrationResult(-8, null);
            Recorder result = new Recorder();
            h.core.registrar.register(Fakes.APP_ID, MODEL_ID, SN, "ticket", result);
            h.io.runAll();
            eq("registered -8", result.outcome);
            eq(null, RegistrationRecord.load(h.store));
            eq(0, h.events.sent.size());
        });
        t.test("a WMPF exception or a WMPF below 2.1.0 fails without a record", () -> {
            Harness h = new Harness("2.2.0");
            h.wmpf.registrationFailure = new WmpfCallException(1, -5, "permission error");
            Recorder result = new Recorder();
            h.core.registrar.register(Fakes.APP_ID, MODEL_ID, SN, "ticket", result);
            h.io.runAll();
            eq("failed permission error", result.outcome);
            Harness old = new Harness("2.0.0");
            Recorder tooOld = new Recorder();
            old.core.registrar.register(Fakes.APP_ID, MODEL_ID, SN, "ticket", tooOld);
            old.io.runAll();
            yes(tooOld.outcome.startsWith("failed"), "refused on 2.0.0");
            eq(0L, old.wmpf.count("registerMiniProgramDevice"));
            eq(null, RegistrationRecord.load(h.store));
        });
    }

    static final class Recorder implements DeviceRegistrar.Listener {
        String outcome;

        @Override
        public void onRegistered(RegistrationResult result) {
            outcome = "registered " + result.code;
        }

        @Override
        public void onFailed(String why) {
            outcome = "failed " + why;
        }
    }
}
