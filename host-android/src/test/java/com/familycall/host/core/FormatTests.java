package com.familycall.host.core;

import static com.familycall.host.core.HostTests.eq;
import static com.familycall.host.core.HostTests.throwsA;
import static com.familycall.host.core.HostTests.yes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** JSON, base64url and WMPF versions: the formats every decision rests on. */
final class FormatTests {
    private FormatTests() {
    }

    static void register(HostTests t) {
        t.group("JSON (strict, bounded)");
        t.test("reads objects, arrays, escapes, numbers and literals", () -> {
            Map<String, Object> json = Json.parseObject(
                    " {\"a\": [1, -2, 3.5, 1e3], \"s\": \"x\\\"\\\\\\/\\n\\u00e9\\ud83d\\ude00\", \"t\": true, \"f\": false, \"n\": null} ");
            List<?> a = (List<?>) json.get("a");
            eq(1L, a.get(0));
            eq(-2L, a.get(1));
            eq(3.5, a.get(2));
            eq(1000.0, a.get(3));
            eq("x\"\\/\n\u00e9\ud83d\ude00", json.get("s"));
            eq(Boolean.TRUE, json.get("t"));
            eq(Boolean.FALSE, json.get("f"));
            yes(json.get("n") == Json.NULL, "null is Json.NULL");
            yes(!json.containsKey("missing"), "a missing key stays missing");
        });
        t.test("refuses what is not strict JSON", () -> {
            String[] bad = {"", "   ", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "{a:1}", "{\"a\":1} x", "\"a\nb\"",
                "\"\\x\"", "\"\\u12\"", "01", "1.", "-", "+1", "NaN", "tru", "{\"a\":1,\"a\":2}", "[1 2]"};
            for (String text : bad) throwsA(JsonException.class, () -> Json.parse(text));
        });
        t.test("refuses too deep or too long input", () -> {
            String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
            throwsA(JsonException.class, () -> Json.parse(deep));
            String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
            Json.parse(ok);
            throwsA(JsonException.class, () -> Json.parse("\"" + "a".repeat(Json.MAX_LENGTH) + "\""));
            throwsA(JsonException.class, () -> Json.parse(null));
        });
        t.test("parseObject refuses arrays, strings and null", () -> {
            for (String text : new String[] {"[]", "\"{}\"", "null", "1"}) {
                throwsA(JsonException.class, () -> Json.parseObject(text));
            }
        });
        t.test("writes escapes so that the text reads back the same", () -> {
            Map<String, Object> value = Json.object();
            value.put("s", "q\" b\\ n\n t\t c\u0001 ls\u2028 é");
            value.put("n", Json.NULL);
            value.put("i", 1767225600L);
            value.put("b", false);
            value.put("d", 1.5);
            String written = Json.write(value);
            eq("{\"s\":\"q\\\" b\\\\ n\\n t\\t c\\u0001 ls\\u2028 é\",\"n\":null,\"i\":1767225600,\"b\":false,"
                    + "\"d\":1.5}", written);
            throwsA(IllegalArgumentException.class, () -> Json.write(Double.NaN));
            eq(value.get("s"), Json.parseObject(written).get("s"));
        });

        t.group("base64url without padding");
        t.test("RFC 4648 vectors and the security-protocol secret and nonce", () -> {
            String[][] vectors = {{"", ""}, {"f", "Zg"}, {"fo", "Zm8"}, {"foo", "Zm9v"}, {"foob", "Zm9vYg"},
                {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
            for (String[] v : vectors) eq(v[1], Base64Url.encode(v[0].getBytes(StandardCharsets.US_ASCII)));
            eq("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", Base64Url.encode(Fakes.counting(32)));
            eq("AAECAwQFBgcICQoLDA0ODw", Base64Url.encode(Fakes.counting(16)));
        });
        t.test("matches the JDK's url encoder for every length 0..64, and decodes back", () -> {
            Random random = new Random(7);
            for (int length = 0; length <= 64; length++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                String encoded = Base64Url.encode(bytes);
                eq(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), encoded);
                eq(java.util.Arrays.toString(bytes), java.util.Arrays.toString(Base64Url.decode(encoded)));
            }
        });
        t.test("decode refuses padding, the standard alphabet, a dangling char and non-zero spare bits", () -> {
            for (String bad : new String[] {"Zg==", "a+b/", "Zm9vY", "Zh", "Zm9=", null}) {
                yes(Base64Url.decode(bad) == null, "refused: " + bad);
            }
        });

        t.group("WMPF versions and floors");
        t.test("reads the version name, build suffix stripped", () -> {
            eq("2.4.0", String.valueOf(WmpfVersion.parse("2.4.0")));
            eq("2.4.0", String.valueOf(WmpfVersion.parse("2.4.0.1234-release")));
            eq("2.1.0", String.valueOf(WmpfVersion.parse(" 2.1.0-9010017 ")));
            eq("2.2.0", String.valueOf(WmpfVersion.parse("2.2")));
            eq("3.0.0", String.valueOf(WmpfVersion.parse("3")));
            for (String bad : new String[] {null, "", "  ", "v2.1.0", "abc", ".2.1"}) {
                yes(WmpfVersion.parse(bad) == null, "unreadable: " + bad);
            }
        });
        t.test("compares numerically, part by part", () -> {
            yes(WmpfVersion.parse("10.0.0").atLeast(WmpfVersion.parse("9.9.9")), "10.0.0 >= 9.9.9");
            yes(!WmpfVersion.parse("2.1.9").atLeast(WmpfVersion.parse("2.2.0")), "2.1.9 < 2.2.0");
            yes(WmpfVersion.parse("2.2").equals(WmpfVersion.parse("2.2.0")), "2.2 == 2.2.0");
            yes(WmpfVersion.parse("2.10.0").atLeast(WmpfVersion.parse("2.9.0")), "2.10.0 >= 2.9.0");
        });
        t.test("floors are 1.2.0, 2.1.0 and 2.2.0", () -> {
            eq("1.2.0", WmpfVersion.TOKENLESS_CALLS.toString());
            eq("2.1.0", WmpfVersion.DEVICE_API.toString());
            eq("2.2.0", WmpfVersion.CLIENT_PROVIDER.toString());
        });
        t.test("push binding by version: none below 2.1, callback on 2.1, event listener from 2.2", () -> {
            eq(PushBinding.NONE, PushBinding.forVersion(null));
            eq(PushBinding.NONE, PushBinding.forVersion(WmpfVersion.parse("2.0.9")));
            eq(PushBinding.CALLBACK_REBOUND_ON_RESTART, PushBinding.forVersion(WmpfVersion.parse("2.1.0")));
            eq(PushBinding.CALLBACK_REBOUND_ON_RESTART, PushBinding.forVersion(WmpfVersion.parse("2.1.7.5")));
            eq(PushBinding.EVENT_LISTENER, PushBinding.forVersion(WmpfVersion.parse("2.2.0")));
            eq(PushBinding.EVENT_LISTENER, PushBinding.forVersion(WmpfVersion.parse("3.0")));
        });
    }
}
