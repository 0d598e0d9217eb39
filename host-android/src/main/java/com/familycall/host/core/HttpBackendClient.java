package com.familycall.host.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.Charset;
import java.util.Map;

/** {@link BackendClient} over HttpURLConnection (Android has it at every API level): 8 s timeouts, as the Mini Program. */
public final class HttpBackendClient implements BackendClient {
    private static final int TIMEOUT_MS = 8000;
    private static final int MAX_REPLY_BYTES = 16 * 1024;
    private static final Charset UTF_8 = Charset.forName("UTF-8");

    private final String baseUrl;

    /** @param baseUrl HostConfig.backendBaseUrl (null: not configured; then every post fails) */
    public HttpBackendClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Reply post(String path, String body, Map<String, String> headers) throws IOException {
        if (baseUrl == null) throw new IOException("backend base URL not configured");
        HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl + path).openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            connection.setInstanceFollowRedirects(false);
            connection.setDoOutput(true);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                connection.setRequestProperty(header.getKey(), header.getValue());
            }
            // Buffered, not setFixedLengthStreamingMode: in streaming mode a 401 reply's body (auth-expired,
            // auth-invalid) is not readable on every HttpURLConnection. Bodies are small (<= 16 KB).
            byte[] bytes = body.getBytes(UTF_8);
            OutputStream out = connection.getOutputStream();
            try {
                out.write(bytes);
            } finally {
                out.close();
            }
            int status = connection.getResponseCode();
            if (status >= 200 && status < 300) return new Reply(status, null);
            return new Reply(status, errorCode(connection.getErrorStream()));
        } finally {
            connection.disconnect();
        }
    }

    /** {"error": {"code": "..."}} of docs/backend-api.md §1, or null. */
    private static String errorCode(InputStream stream) throws IOException {
        if (stream == null) return null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            byte[] buffer = new byte[2048];
            for (int n; (n = stream.read(buffer)) > 0 && bytes.size() < MAX_REPLY_BYTES; ) bytes.write(buffer, 0, n);
        } finally {
            stream.close();
        }
        Map<String, Object> reply = Json.parseObjectOrNull(new String(bytes.toByteArray(), UTF_8));
        Object error = reply == null ? null : reply.get("error");
        Object code = error instanceof Map ? ((Map<?, ?>) error).get("code") : null;
        return code instanceof String ? (String) code : null;
    }
}
