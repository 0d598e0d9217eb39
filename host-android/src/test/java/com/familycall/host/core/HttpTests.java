package com.familycall.host.core;

import static com.familycall.host.core.Fakes.SECRET;
import static com.familycall.host.core.Fakes.SN;
import static com.familycall.host.core.HostTests.eq;

import com.familycall.host.core.Fakes.Harness;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The push-token upload over real HTTP (HttpBackendClient on 127.0.0.1): a tiny backend that checks the request as
 * the reference server does — path, headers, body, and the HMAC recomputed from the device secret.
 */
final class HttpTests {
    private HttpTests() {
    }

    /** A backend on a free loopback port answering every POST with `status` and `reply`; records what it checked. */
    static final class LocalBackend implements AutoCloseable {
        final HttpServer server;
        final List<String> seen = new ArrayList<>();
        int status = 200;
        String reply = "{\"ok\":true}";

        LocalBackend() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath().substring("/v1".length());
            String sn = exchange.getRequestHeaders().getFirst("X-Device-Sn");
            String timestamp = exchange.getRequestHeaders().getFirst("X-Device-Timestamp");
            String nonce = exchange.getRequestHeaders().getFirst("X-Device-Nonce");
            String signature = exchange.getRequestHeaders().getFirst("X-Device-Signature");
            try {
                String expected = BackendRequestSigner.signature(Base64Url.decode(SECRET), sn, exchange.getRequestMethod(),
                        path, Long.parseLong(timestamp), nonce, body);
                seen.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                        + " signature " + (expected.equals(signature) ? "valid" : "INVALID") + " " + body);
            } catch (Exception e) {
                seen.add("unverifiable: " + e);
            }
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static void register(HostTests t) {
        t.group("the push-token upload over HTTP (HttpBackendClient)");
        t.test("POST under the base URL path, JSON body, a signature the backend can verify", () -> {
            try (LocalBackend backend = new LocalBackend()) {
                Harness h = new Harness("2.4.0");
                h.provision();
                HostCore core = h.build(HostConfig.of(Fakes.APP_ID, backend.baseUrl()),
                        new HttpBackendClient(HostConfig.of(Fakes.APP_ID, backend.baseUrl()).backendBaseUrl));
                core.start();
                h.io.runAll();
                eq(List.of("POST /devices/" + SN + "/push-token application/json signature valid "
                        + LifecycleTests.GOLDEN_BODY), backend.seen);
                eq("uploaded", core.pushToken.status().toJson().get("state"));
            }
        });
        t.test("an error reply: its status and the contract's error code (also for a 401), no code from a non-JSON body", () -> {
            try (LocalBackend backend = new LocalBackend()) {
                backend.status = 401;
                backend.reply = "{\"error\":{\"code\":\"auth-expired\",\"message\":\"clock\"}}";
                HttpBackendClient client = new HttpBackendClient(backend.baseUrl());
                BackendClient.Reply reply = client.post("/devices/" + SN + "/push-token", "{}",
                        java.util.Collections.singletonMap("content-type", "application/json"));
                eq(401, reply.status);
                eq("auth-expired", reply.errorCode);
                backend.reply = "<html>bad gateway</html>";
                backend.status = 502;
                eq(null, client.post("/x", "{}", java.util.Collections.<String, String>emptyMap()).errorCode);
            }
        });
        t.test("nobody listening: an IOException (the uploader's 'network' failure)", () -> {
            LocalBackend gone = new LocalBackend();
            String base = gone.baseUrl();
            gone.close();
            HostTests.throwsA(IOException.class, () -> new HttpBackendClient(base).post("/x", "{}",
                    java.util.Collections.<String, String>emptyMap()));
            HostTests.throwsA(IOException.class, () -> new HttpBackendClient(null).post("/x", "{}",
                    java.util.Collections.<String, String>emptyMap()));
        });
    }
}
