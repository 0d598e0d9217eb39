package com.familycall.host.core;

import static com.familycall.host.core.Fakes.APP_ID;
import static com.familycall.host.core.Fakes.MODEL_ID;
import static com.familycall.host.core.Fakes.PUSH_TOKEN;
import static com.familycall.host.core.Fakes.SECRET;
import static com.familycall.host.core.Fakes.SN;
import static com.familycall.host.core.HostTests.eq;
import static com.familycall.host.core.HostTests.yes;

import com.familycall.host.core.Fakes.Harness;
import java.util.List;
import java.util.Map;

/**
 * The host through the device's life (docs/host-protocol.md §7.1, §8.1): the push token is uploaded by the host on
 * registration, host start (boot), WMPF restart, lost activation and before it expires — whether or not the Mini
 * Program ever ran — and registration is refused before the irreversible call when the sn is not WMPF's.
 */
final class LifecycleTests {
    /** docs/backend-api.md §2.3, golden vector 1: the upload the host sends for SN0001-abc / model-1 / push-abc. */
    static final String GOLDEN_BODY = "{\"modelId\":\"model-1\",\"pushToken\":\"push-abc\",\"expiresAt\":1767229200000}";
    static final String GOLDEN_SIGNATURE = "3U2MhWMMBC4Bt09JT3kfvlnQ9BvMaEnxx7-i57fFALc";
    static final String PUSH_PATH = "/devices/" + SN + "/push-token";

    private LifecycleTests() {
    }

    /** Registered on WMPF, provisioned, host started, everything run: the state of a working device. */
    static Harness running(String version) {
        Harness h = new Harness(version);
        if (!version.startsWith("2.2") && !version.startsWith("2.3") && !version.startsWith("2.4")) {
            new RegistrationRecord(SN, MODEL_ID).save(h.store);
        }
        h.provision();
        h.core.start();
        h.io.runAll();
        return h;
    }

    static void register(HostTests t) {
        t.group("push token: the host uploads it, the Mini Program need never run");
        t.test("registered while the Mini Program never ran: registration → getPushToken → signed upload (golden 1)", () -> {
            Harness h = new Harness("2.4.0");
            h.wmpf.deviceInfo = new DeviceInfo(false, "", "");
            h.provision();
            h.core.start();
            h.io.runAll();
            eq(0, h.backend.posts.size());
            eq("unsupported", h.core.pushToken.status().toJson().get("state"));
            eq("not-registered", h.core.pushToken.status().toJson().get("reason"));
            DeviceTests.Recorder result = new DeviceTests.Recorder();
            h.core.registrar.register(APP_ID, MODEL_ID, SN, "ticket", result);
            h.io.runAll();
            eq("registered 0", result.outcome);
            eq(List.of(PUSH_PATH + " " + GOLDEN_BODY), h.backend.posts);
            Map<String, String> headers = h.backend.headers.get(0);
            eq(SN, headers.get("X-Device-Sn"));
            eq("1767225600", headers.get("X-Device-Timestamp"));
            eq("AAECAwQFBgcICQoLDA0ODw", headers.get("X-Device-Nonce"));
            eq(GOLDEN_SIGNATURE, headers.get("X-Device-Signature"));
            eq(1L, h.wmpf.count("getPushToken " + APP_ID));
            h.assertCleanLog(SECRET, PUSH_TOKEN, GOLDEN_SIGNATURE, "ticket");
        });
        t.test("refreshed before it expires: 10 min ahead (3,000 s after a 1 h token), by the host's own timer", () -> {
            Harness h = running("2.4.0");
            eq(1, h.backend.posts.size());
            eq(List.of(3_000_000L), h.scheduler.delays);
            h.now += 3000;
            h.wmpf.pushToken = new PushToken("push-def", h.now + 3600);
            h.scheduler.fireNext();
            h.io.runAll();
            eq(2, h.backend.posts.size());
            yes(h.backend.posts.get(1).contains("\"pushToken\":\"push-def\""), "the new token went up");
        });
        t.test("a failed upload is retried after 30 s, 1 min, 2 min ...; a success ends the retries", () -> {
            Harness h = new Harness("2.4.0");
            h.provision();
            h.backend.status = 503;
            h.core.start();
            h.io.runAll();
            h.scheduler.fireNext();
            h.io.runAll();
            h.scheduler.fireNext();
            h.io.runAll();
            eq(List.of(30_000L, 60_000L, 120_000L), h.scheduler.delays);
            Map<String, Object> failed = h.core.pushToken.status().toJson();
            eq("failed", failed.get("state"));
            eq("backend-refused", failed.get("reason"));
            eq(3L, failed.get("attempts"));
            h.backend.status = 200;
            h.scheduler.fireNext();
            h.io.runAll();
            eq("uploaded", h.core.pushToken.status().toJson().get("state"));
            eq(3_000_000L, h.scheduler.delays.get(3));
        });
        t.test("network down, WMPF failing or an unusable expireTimestamp: failures retried, nothing wrong sent", () -> {
            Harness h = new Harness("2.4.0");
            h.provision();
            h.backend.failure = new java.io.IOException("unreachable");
            h.core.start();
            h.io.runAll();
            eq("network", h.core.pushToken.status().toJson().get("reason"));
            h.backend.failure = null;
            h.wmpf.pushTokenFailure = new WmpfCallException(1, -1, "not activated");
            h.core.pushToken.refresh("test");
            h.io.runAll();
            eq("wmpf-failed", h.core.pushToken.status().toJson().get("reason"));
            h.wmpf.pushTokenFailure = null;
            for (long bad : new long[] {h.now - 1, 0, h.now + 400L * 24 * 3600}) {
                h.wmpf.pushToken = new PushToken(PUSH_TOKEN, bad);
                h.core.pushToken.refresh("test");
                h.io.runAll();
                eq("invalid-token", h.core.pushToken.status().toJson().get("reason"));
            }
            h.wmpf.pushToken = new PushToken("two words", Fakes.PUSH_EXPIRES_S);
            h.core.pushToken.refresh("test");
            h.io.runAll();
            eq("invalid-token", h.core.pushToken.status().toJson().get("reason"));
            eq(0, h.backend.posts.size());
        });
        t.test("not provisioned: nothing sent and no timer; provisioning uploads at once", () -> {
            Harness h = new Harness("2.4.0");
            h.core.start();
            h.io.runAll();
            eq("not-provisioned", h.core.pushToken.status().toJson().get("reason"));
            eq(0, h.scheduler.delays.size());
            h.provision();
            h.core.provisioned();
            h.io.runAll();
            eq(List.of(PUSH_PATH + " " + GOLDEN_BODY), h.backend.posts);
        });
        t.test("a secret provisioned for another sn, no backend configured, or WMPF below 2.1: nothing sent", () -> {
            Harness other = new Harness("2.4.0");
            DeviceSecret.provision(other.secrets, "OTHER-SN", SECRET);
            other.core.start();
            other.io.runAll();
            eq("secret-for-another-sn", other.core.pushToken.status().toJson().get("reason"));
            eq(0L, other.wmpf.count("getPushToken"));
            Harness unconfigured = new Harness("2.4.0", HostConfig.of(APP_ID, "http://api.example.com"));
            unconfigured.provision();
            unconfigured.core.start();
            unconfigured.io.runAll();
            eq("not-configured", unconfigured.core.pushToken.status().toJson().get("reason"));
            Harness old = new Harness("2.0.9");
            old.provision();
            old.core.start();
            old.io.runAll();
            eq("wmpf-too-old", old.core.pushToken.status().toJson().get("reason"));
            for (Harness h : new Harness[] {other, unconfigured, old}) eq(0, h.backend.posts.size());
        });
        t.test("getHostStatus: provisioned, WMPF device, push-token state — no sn, token or secret", () -> {
            Harness h = running("2.4.0");
            String reply = h.invoke(HostCommands.GET_HOST_STATUS, "{}");
            eq("{\"provisioned\":1,\"wmpfDevice\":1,\"pushToken\":{\"state\":\"uploaded\",\"uploadedAt\":1767225600000,"
                    + "\"expiresAt\":1767229200000,\"refreshAt\":1767228600000}}", reply);
            HostTests.excludes(reply, SN);
            HostTests.excludes(reply, PUSH_TOKEN);
        });

        t.group("host start: boot, WMPF restart, lost activation");
        t.test("boot: a new host process on the same storage binds, activates and uploads by itself", () -> {
            Harness h = running("2.4.0");
            h.wmpf.activated = false;
            HostCore afterBoot = h.build(Fakes.CONFIG);
            afterBoot.start();
            afterBoot.start();
            h.io.runAll();
            eq(2L, h.wmpf.count("wakeUpWmpf"));
            eq(2L, h.wmpf.count("registerPushMsgEventListener"));
            eq(1L, h.wmpf.count("activateDevice"));
            eq(2, h.backend.posts.size());
        });
        t.test("WMPF restart (2.4): activated again, token uploaded again; WMPF re-binds the listener itself", () -> {
            Harness h = running("2.4.0");
            h.wmpf.activated = false;
            h.wmpf.restartListener.run();
            h.io.runAll();
            eq(1L, h.wmpf.count("activateDevice"));
            eq(2, h.backend.posts.size());
            eq(1L, h.wmpf.count("registerPushMsgEventListener"));
        });
        t.test("WMPF restart (2.1): the callback set again and the token uploaded again", () -> {
            Harness h = running("2.1.0");
            eq(1, h.backend.posts.size());
            h.wmpf.restartListener.run();
            h.io.runAll();
            eq(2L, h.wmpf.count("setPushMsgCallback"));
            eq(2, h.backend.posts.size());
        });
        t.test("activation outdated (2.2+): activated again, token uploaded again", () -> {
            Harness h = running("2.2.0");
            h.wmpf.activated = false;
            h.wmpf.outdatedListener.run();
            h.io.runAll();
            eq(1L, h.wmpf.count("activateDevice"));
            eq(2, h.backend.posts.size());
        });
        t.test("activation failing: retried with the token's backoff, nothing uploaded meanwhile", () -> {
            Harness h = new Harness("2.4.0");
            h.provision();
            h.wmpf.activated = false;
            h.wmpf.activationFailure = new WmpfCallException(1, -1, "WMPF not running");
            h.core.start();
            h.io.runAll();
            eq("activation-failed", h.core.pushToken.status().toJson().get("reason"));
            h.wmpf.activationFailure = null;
            h.scheduler.fireNext();
            h.io.runAll();
            eq(1L, h.wmpf.count("activateDevice"));
            eq(1, h.backend.posts.size());
        });

        t.group("registration: the activated deviceId only, checked before the irreversible call");
        t.test("an sn that is not WMPF's activated deviceId is refused before registerMiniProgramDevice", () -> {
            Harness h = new Harness("2.4.0");
            DeviceTests.Recorder result = new DeviceTests.Recorder();
            h.core.registrar.register(APP_ID, MODEL_ID, "SN0002-xyz", "ticket", result);
            h.io.runAll();
            eq("failed sn is not the deviceId WMPF was activated with", result.outcome);
            eq(0L, h.wmpf.count("registerMiniProgramDevice"));
            eq(null, RegistrationRecord.load(h.store));
            eq(SN, h.core.registrar.activatedDeviceId());
        });
        t.test("WMPF started without a device (WMPFBoot.init(context): blank deviceId): refused", () -> {
            Harness h = new Harness("2.4.0");
            h.wmpf.activatedDeviceId = "";
            DeviceTests.Recorder result = new DeviceTests.Recorder();
            h.core.registrar.register(APP_ID, MODEL_ID, "", "ticket", result);
            h.core.registrar.register(APP_ID, MODEL_ID, SN, "ticket", result);
            h.io.runAll();
            yes(result.outcome.contains("WMPFDevice"), result.outcome);
            eq(null, h.core.registrar.activatedDeviceId());
            eq(0L, h.wmpf.count("registerMiniProgramDevice"));
        });
        t.test("another appId, a secret for another sn, a malformed modelId or no ticket: refused first", () -> {
            Harness h = new Harness("2.4.0");
            DeviceSecret.provision(h.secrets, "OTHER-SN", SECRET);
            String[][] cases = {{"wx1111111111111111", MODEL_ID, "ticket"}, {APP_ID, MODEL_ID, "ticket"},
                {APP_ID, "model 1", "ticket"}, {APP_ID, MODEL_ID, " "}};
            for (String[] c : cases) {
                DeviceTests.Recorder result = new DeviceTests.Recorder();
                h.core.registrar.register(c[0], c[1], SN, c[2], result);
                h.io.runAll();
                yes(result.outcome.startsWith("failed"), result.outcome);
            }
            eq(0L, h.wmpf.count("registerMiniProgramDevice"));
        });
        t.test("WMPF not activated: activated first; activation failing refuses the registration", () -> {
            Harness h = new Harness("2.4.0");
            h.wmpf.activated = false;
            h.wmpf.activationFailure = new WmpfCallException(1, -1, "no network");
            DeviceTests.Recorder refused = new DeviceTests.Recorder();
            h.core.registrar.register(APP_ID, MODEL_ID, SN, "ticket", refused);
            h.io.runAll();
            yes(refused.outcome.startsWith("failed WMPF is not activated"), refused.outcome);
            eq(0L, h.wmpf.count("registerMiniProgramDevice"));
            h.wmpf.activationFailure = null;
            DeviceTests.Recorder result = new DeviceTests.Recorder();
            h.core.registrar.register(APP_ID, MODEL_ID, SN, "ticket", result);
            h.io.runAll();
            eq("registered 0", result.outcome);
            List<String> timeline = h.timeline.snapshot();
            yes(timeline.indexOf("activateDevice") < timeline.indexOf("registerMiniProgramDevice " + APP_ID + " " + MODEL_ID),
                    "activated before registering: " + timeline);
        });

        t.group("call pushes: only for our Mini Program");
        t.test("a call push for another appid is not launched (and nothing of it logged)", () -> {
            Harness h = new Harness("2.4.0");
            h.push(Fakes.callPush("wx1111111111111111", 0L));
            eq(0L, h.wmpf.count("launchMiniProgram"));
            eq(CallPush.Verdict.OTHER_APP, CallPush.examine(Fakes.callPush("wx1111111111111111", 0L), APP_ID).verdict);
            Harness unconfigured = new Harness("2.4.0", HostConfig.of(null, Fakes.BACKEND));
            unconfigured.push(Fakes.callPush(APP_ID, 0L));
            eq(0L, unconfigured.wmpf.count("launchMiniProgram"));
            h.push(Fakes.callPush(APP_ID, 0L));
            eq(1L, h.wmpf.count("launchMiniProgram"));
            h.assertCleanLog();
        });
    }
}
