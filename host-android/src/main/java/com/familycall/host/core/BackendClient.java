package com.familycall.host.core;

import java.io.IOException;
import java.util.Map;

/** Our backend over HTTPS (on Android: {@code HttpBackendClient}). Blocking: call it from a worker thread. */
public interface BackendClient {
    /** POST base URL + path with these headers and body. IOException: no HTTP answer at all. */
    Reply post(String path, String body, Map<String, String> headers) throws IOException;

    /** The HTTP status and, for an error, the contract's error code (docs/backend-api.md §5), else null. */
    final class Reply {
        public final int status;
        public final String errorCode;

        public Reply(int status, String errorCode) {
            this.status = status;
            this.errorCode = errorCode;
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
