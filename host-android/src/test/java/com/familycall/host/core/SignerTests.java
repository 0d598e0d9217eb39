package com.familycall.host.core;

import static com.familycall.host.core.Fakes.SN;
import static com.familycall.host.core.HostTests.eq;
import static com.familycall.host.core.HostTests.throwsA;
import static com.familycall.host.core.HostTests.yes;

import com.familycall.host.core.Fakes.Harness;
import java.security.SecureRandom;
import java.util.Map;

/** signBackendRequest: security-protocol.md §2, checked against the §8 golden vectors. */
final class SignerTests {
    private static final String SIGN = HostCommands.SIGN_BACKEND_REQUEST;
    private static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    private static final String NONCE = "AAECAwQFBgcICQoLDA0ODw";
    private static final String PUSH_TOKEN_PATH = "/devices/SN0001-abc/push-token";
    private static final String PUSH_TOKEN_BODY =
            "{\"modelId\":\"model-1\",\"pushToken\":\"push-abc\",\"expiresAt\":1767229200000}";
    private static final String GOLDEN_1 = "3U2MhWMMBC4Bt09JT3kfvlnQ9BvMaEnxx7-i57fFALc";
    private static final String GOLDEN_2 = "jbonft4ewUBfQevdoV6FlDxLV1GcQ5a7D6uEy4mX3rQ";

    private SignerTests() {
    }

    private static String request(String method, String path, String body) {
        Map<String, Object> data = Json.object();
        data.put("method", method);
        data.put("path", path);
        if (body != null) data.put("body", body);
        return Json.write(data);
    }

    private static Harness provisioned() {
        Harness h = new Harness("2.4.0");
        DeviceSecret.provision(h.secrets, SN, SECRET);
        return h;
    }

    static void register(HostTests t) {
        t.group("signBackendRequest (golden vectors of security-protocol.md §8)");
        t.test("vector 1: body SHA-256 and signature of POST push-token", () -> {
            byte[] secret = Fakes.counting(32);
            eq("35223d654da0d88ebfe481d8b2f629250a9f494310aaacac86b8c0ab60fe9b26",
                    BackendRequestSigner.sha256Hex(PUSH_TOKEN_BODY));
            eq(GOLDEN_1, BackendRequestSigner.signature(secret, SN, "POST", PUSH_TOKEN_PATH, 1767225600L, NONCE,
                    PUSH_TOKEN_BODY));
        });
        t.test("vector 2: GET contacts with an empty body", () -> {
            eq(GOLDEN_2, BackendRequestSigner.signature(Fakes.counting(32), SN, "GET", "/devices/SN0001-abc/contacts",
                    1767225600L, NONCE, ""));
        });
        t.test("the canonical string: 7 lines joined by \\n, no trailing newline", () -> {
            eq("FCV1\nSN0001-abc\nGET\n/devices/SN0001-abc/contacts\n1767225600\n" + NONCE + "\n"
                    + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    BackendRequestSigner.canonical(SN, "get", "/devices/SN0001-abc/contacts", 1767225600L, NONCE, ""));
        });
        t.test("through the channel: the reply is {sn, timestamp, nonce, signature} of vector 1", () -> {
            Harness h = provisioned();
            eq("{\"sn\":\"SN0001-abc\",\"timestamp\":1767225600,\"nonce\":\"" + NONCE + "\",\"signature\":\"" + GOLDEN_1
                    + "\"}", h.invoke(SIGN, request("POST", PUSH_TOKEN_PATH, PUSH_TOKEN_BODY)));
            h.assertCleanLog(SECRET, NONCE, GOLDEN_1, PUSH_TOKEN_PATH);
        });
        t.test("lower-case method signs as upper case; a missing body is the empty body (vector 2)", () -> {
            Harness h = provisioned();
            Map<String, Object> reply = Json.parseObject(h.invoke(SIGN, request("get", "/devices/SN0001-abc/contacts", null)));
            eq(GOLDEN_2, reply.get("signature"));
        });
        t.test("the timestamp is the host clock in seconds", () -> {
            Harness h = provisioned();
            h.now = 1767225999L;
            eq(1767225999L, Json.parseObject(h.invoke(SIGN, request("GET", "/x", ""))).get("timestamp"));
        });
        t.test("not provisioned: hostError unsupported, message \"device not provisioned\"", () -> {
            Harness h = new Harness("2.4.0");
            eq("{\"hostError\":\"unsupported\",\"message\":\"device not provisioned\"}",
                    h.invoke(SIGN, request("GET", "/x", "")));
            h.secrets.put(DeviceSecret.KEY, "{\"sn\":\"SN0001-abc\",\"secret\":\"short\"}");
            eq("unsupported", Json.parseObject(h.invoke(SIGN, request("GET", "/x", ""))).get("hostError"));
        });
        t.test("malformed requests: hostError bad-request, nothing signed", () -> {
            Harness h = provisioned();
            String[] bad = {"not json", "[]", request("PUT", "/x", ""), request(null, "/x", ""),
                request("GET", "devices/x", ""), request("GET", "/x\nFCV1", ""), request("GET", "/a b", ""),
                request("GET", null, ""), "{\"method\":\"POST\",\"path\":\"/x\",\"body\":{}}",
                request("GET", "/" + "a".repeat(2048), "")};
            for (String data : bad) eq("bad-request", Json.parseObject(h.invoke(SIGN, data)).get("hostError"));
            yes(!h.log.all().contains("signed"), "nothing signed");
        });
        t.test("with SecureRandom: a fresh 22-character base64url nonce per request", () -> {
            Harness h = provisioned();
            SecureRandom random = new SecureRandom();
            HostCore core = new HostCore(h.wmpf, h.version, h.store, h.secrets, Fakes.CONFIG, h.backend, h.events, Runnable::run, h.scheduler,
                    Clock.SYSTEM, random::nextBytes, h.log);
            Fakes.ReplyBox first = new Fakes.ReplyBox(h.timeline);
            Fakes.ReplyBox second = new Fakes.ReplyBox(h.timeline);
            core.commands.invoke(SIGN, request("GET", "/x", ""), first);
            core.commands.invoke(SIGN, request("GET", "/x", ""), second);
            Object a = Json.parseObject(first.only()).get("nonce");
            Object b = Json.parseObject(second.only()).get("nonce");
            yes(a instanceof String && ((String) a).matches("[A-Za-z0-9_-]{22}"), "22 chars: " + a);
            yes(!a.equals(b), "two nonces differ");
            long now = System.currentTimeMillis() / 1000;
            long ts = (Long) Json.parseObject(first.only()).get("timestamp");
            yes(Math.abs(now - ts) <= 2, "seconds, not milliseconds: " + ts);
        });
        t.test("provisioning refuses a malformed sn or secret; a new secret replaces the old (rotation)", () -> {
            Fakes.MemoryStore store = new Fakes.MemoryStore();
            throwsA(IllegalArgumentException.class, () -> DeviceSecret.provision(store, "SN 1", SECRET));
            throwsA(IllegalArgumentException.class, () -> DeviceSecret.provision(store, SN, SECRET.substring(1)));
            throwsA(IllegalArgumentException.class, () -> DeviceSecret.provision(store, SN, SECRET + "="));
            IllegalArgumentException e =
                    throwsA(IllegalArgumentException.class, () -> DeviceSecret.provision(store, SN, "x" + SECRET));
            yes(!e.getMessage().contains(SECRET), "the message holds no secret");
            eq(null, DeviceSecret.load(store));
            DeviceSecret.provision(store, SN, SECRET);
            String rotated = Base64Url.encode(new byte[32]);
            DeviceSecret.provision(store, SN, rotated);
            eq(Base64Url.encode(new byte[32]), Base64Url.encode(DeviceSecret.load(store).key()));
        });
    }
}
