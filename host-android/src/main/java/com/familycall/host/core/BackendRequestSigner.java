package com.familycall.host.core;

import java.nio.charset.Charset;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code signBackendRequest} (security-protocol.md §2): signs one backend request with the device secret, so the
 * backend knows it comes from this device. The secret never leaves the host; the reply carries the sn, the
 * timestamp, a fresh nonce and the signature, none of which is logged.
 */
final class BackendRequestSigner implements CommandHandler {
    static final String CANONICAL_VERSION = "FCV1";
    static final int NONCE_BYTES = 16;
    private static final int MAX_PATH_LENGTH = 2048;
    private static final Charset UTF_8 = Charset.forName("UTF-8");

    private final KeyValueStore secrets;
    private final Clock clock;
    private final NonceSource nonces;
    private final HostLog log;

    BackendRequestSigner(KeyValueStore secrets, Clock clock, NonceSource nonces, HostLog log) {
        this.secrets = secrets;
        this.clock = clock;
        this.nonces = nonces;
        this.log = log;
    }

    @Override
    public void handle(String data, OnceReply reply) throws GeneralSecurityException {
        Map<String, Object> request;
        try {
            request = Json.parseObject(data);
        } catch (JsonException e) {
            reply.send(Replies.hostError(Replies.BAD_REQUEST, "data must be a JSON object"));
            return;
        }
        String method = readMethod(request.get("method"));
        if (method == null) {
            reply.send(Replies.hostError(Replies.BAD_REQUEST, "method must be GET, POST or DELETE"));
            return;
        }
        Object path = request.get("path");
        if (!isPath(path)) {
            reply.send(Replies.hostError(Replies.BAD_REQUEST,
                    "path must start with / and hold no spaces or control characters"));
            return;
        }
        Object body = request.containsKey("body") ? request.get("body") : "";
        if (!(body instanceof String)) {
            reply.send(Replies.hostError(Replies.BAD_REQUEST, "body must be a string"));
            return;
        }
        DeviceSecret secret = DeviceSecret.load(secrets);
        if (secret == null) {
            log.warn("signBackendRequest: device not provisioned");
            reply.send(Replies.hostError(Replies.UNSUPPORTED, "device not provisioned"));
            return;
        }
        long timestamp = clock.nowSeconds();
        byte[] nonceBytes = new byte[NONCE_BYTES];
        nonces.nextBytes(nonceBytes);
        String nonce = Base64Url.encode(nonceBytes);
        String signature = signature(secret.key(), secret.sn, method, (String) path, timestamp, nonce, (String) body);

        Map<String, Object> signed = Json.object();
        signed.put("sn", secret.sn);
        signed.put("timestamp", timestamp);
        signed.put("nonce", nonce);
        signed.put("signature", signature);
        reply.send(Json.write(signed));
        log.info("signBackendRequest: signed a " + method + " request");
    }

    /**
     * The four X-Device-* headers (and content-type) of a request the host itself sends (the push-token upload):
     * the same signature the Mini Program gets from signBackendRequest.
     */
    static Map<String, String> headers(DeviceSecret secret, String method, String path, String body, Clock clock,
            NonceSource nonces) throws GeneralSecurityException {
        long timestamp = clock.nowSeconds();
        byte[] nonceBytes = new byte[NONCE_BYTES];
        nonces.nextBytes(nonceBytes);
        String nonce = Base64Url.encode(nonceBytes);
        Map<String, String> headers = new LinkedHashMap<String, String>();
        headers.put("content-type", "application/json");
        headers.put("X-Device-Sn", secret.sn);
        headers.put("X-Device-Timestamp", Long.toString(timestamp));
        headers.put("X-Device-Nonce", nonce);
        headers.put("X-Device-Signature", signature(secret.key(), secret.sn, method, path, timestamp, nonce, body));
        return headers;
    }

    /** base64url(HMAC-SHA256(secret, canonical)) over the §2 canonical string. */
    static String signature(byte[] secret, String sn, String method, String path, long timestamp, String nonce,
            String body) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] mac = hmac.doFinal(canonical(sn, method, path, timestamp, nonce, body).getBytes(UTF_8));
        return Base64Url.encode(mac);
    }

    /** The lines FCV1, sn, METHOD, path, timestamp, nonce, hex SHA-256 of the body, joined by \n (no final \n). */
    static String canonical(String sn, String method, String path, long timestamp, String nonce, String body)
            throws GeneralSecurityException {
        return CANONICAL_VERSION + "\n" + sn + "\n" + method.toUpperCase(Locale.ROOT) + "\n" + path + "\n"
                + timestamp + "\n" + nonce + "\n" + sha256Hex(body);
    }

    static String sha256Hex(String body) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(UTF_8));
        StringBuilder hex = new StringBuilder(digest.length * 2);
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    /** GET, POST or DELETE in any case, as upper case; null otherwise. */
    private static String readMethod(Object value) {
        if (!(value instanceof String)) return null;
        String method = ((String) value).toUpperCase(Locale.ROOT);
        return method.equals("GET") || method.equals("POST") || method.equals("DELETE") ? method : null;
    }

    /** A path relative to the backend base URL; a newline in it would forge the canonical lines. */
    private static boolean isPath(Object value) {
        if (!(value instanceof String)) return false;
        String path = (String) value;
        if (!path.startsWith("/") || path.length() > MAX_PATH_LENGTH) return false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c == 0x7f) return false;
        }
        return true;
    }
}
