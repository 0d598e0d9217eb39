package com.familycall.host.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Test doubles that behave as the platform does: WMPF answers, fails or blocks; nothing kinder. */
final class Fakes {
    static final String SN = "SN0001-abc";
    static final String MODEL_ID = "model-1";
    static final String APP_ID = "wx0123456789abcdef";
    static final String BACKEND = "https://api.example.com/v1";
    static final HostConfig CONFIG = HostConfig.of(APP_ID, BACKEND);
    /** The golden vectors' secret (docs/backend-api.md §2.3): bytes 0x00..0x1f. */
    static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    static final String PUSH_TOKEN = "push-abc";
    /** Golden vector 1's expiresAt (1767229200000 ms), as WMPF's int of seconds. */
    static final long PUSH_EXPIRES_S = 1767229200L;
    static final String CALL_PATH = "plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin"
            + "?roomType=video&groupId=g1&listenerId=" + SN + "&callerName=Xiaoli";

    private Fakes() {
    }

    static String callPush(String appId, Object appType) {
        Map<String, Object> push = Json.object();
        push.put("path", CALL_PATH);
        if (appType != null) push.put("appType", appType);
        if (appId != null) push.put("appid", appId);
        return Json.write(push);
    }

    /** One timeline shared by the fakes, to assert what happened in which order. */
    static final class Timeline {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        void add(String event) {
            events.add(event);
        }

        List<String> snapshot() {
            synchronized (events) {
                return new ArrayList<>(events);
            }
        }
    }

    static final class Version implements WmpfVersionSource {
        String name;

        Version(String name) {
            this.name = name;
        }

        @Override
        public String versionName() {
            return name;
        }
    }

    static final class MemoryStore implements KeyValueStore {
        final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public void put(String key, String value) {
            values.put(key, value);
        }

        @Override
        public void remove(String key) {
            values.remove(key);
        }
    }

    static final class RecordingLog implements HostLog {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(String message) {
            lines.add("I " + message);
        }

        @Override
        public void warn(String message) {
            lines.add("W " + message);
        }

        @Override
        public void error(String message) {
            lines.add("E " + message);
        }

        String all() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }

    /** Runs queued tasks only when asked: proves that work does not happen on the caller's thread. */
    static final class ManualExecutor implements Executor {
        final ArrayDeque<Runnable> queue = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            queue.add(task);
        }

        void runAll() {
            while (true) {
                Runnable task;
                synchronized (this) {
                    task = queue.poll();
                }
                if (task == null) return;
                task.run();
            }
        }

        synchronized int pending() {
            return queue.size();
        }
    }

    /** The credential keeper's timers are kept apart from the others (push token, push binding). */
    static final class ManualScheduler implements Scheduler {
        final List<Long> delays = new ArrayList<>();
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        final List<Long> credentialDelays = new ArrayList<>();
        final ArrayDeque<Runnable> credentialTasks = new ArrayDeque<>();

        @Override
        public void schedule(Runnable task, long delayMillis) {
            boolean credential = task instanceof SerialJob.Timer && ((SerialJob.Timer) task).job.name.equals("credential");
            (credential ? credentialDelays : delays).add(delayMillis);
            (credential ? credentialTasks : tasks).add(task);
        }

        void fireNext() {
            tasks.remove().run();
        }

        void fireNextCredential() {
            credentialTasks.remove().run();
        }
    }

    static final class ReplyBox implements ReplySink {
        final List<String> replies = Collections.synchronizedList(new ArrayList<>());
        final Timeline timeline;
        final CountDownLatch first = new CountDownLatch(1);
        RuntimeException failure;

        ReplyBox(Timeline timeline) {
            this.timeline = timeline;
        }

        @Override
        public void send(String reply) {
            replies.add(reply);
            timeline.add("reply " + reply);
            first.countDown();
            if (failure != null) throw failure;
        }

        String only() {
            eqSize(1);
            return replies.get(0);
        }

        void eqSize(int expected) {
            if (replies.size() != expected) throw new AssertionError(expected + " replies expected, got " + replies);
        }
    }

    static final class RecordingEvents implements EventSink {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        String failingId;

        @Override
        public void send(String eventId, String event, String payload) throws Exception {
            if (eventId.equals(failingId)) throw new IllegalStateException("WMPF gone");
            sent.add(eventId + " " + event + " " + payload);
        }
    }

    /** Our backend: records each POST and answers as told (200 by default), or fails to answer. */
    static final class FakeBackend implements BackendClient {
        final List<String> posts = Collections.synchronizedList(new ArrayList<>());
        final List<Map<String, String>> headers = Collections.synchronizedList(new ArrayList<>());
        final Timeline timeline;
        int status = 200;
        String errorCode;
        java.io.IOException failure;

        FakeBackend(Timeline timeline) {
            this.timeline = timeline;
        }

        @Override
        public Reply post(String path, String body, Map<String, String> sent) throws java.io.IOException {
            timeline.add("POST " + path);
            if (failure != null) throw failure;
            posts.add(path + " " + body);
            headers.add(sent);
            return new Reply(status, errorCode);
        }
    }

    /** The host core wired with fakes, as HostRuntime wires it with Android adapters. */
    static final class Harness {
        final Timeline timeline = new Timeline();
        final FakeWmpf wmpf = new FakeWmpf(timeline);
        final Version version;
        final MemoryStore store = new MemoryStore();
        final MemoryStore secrets = new MemoryStore();
        final RecordingEvents events = new RecordingEvents();
        final FakeBackend backend = new FakeBackend(timeline);
        final ManualExecutor io = new ManualExecutor();
        final ManualScheduler scheduler = new ManualScheduler();
        final RecordingLog log = new RecordingLog();
        long now = 1767225600L;
        byte[] nonce = counting(16);
        final HostCore core;

        Harness(String wmpfVersion) {
            this(wmpfVersion, CONFIG);
        }

        Harness(String wmpfVersion, HostConfig config) {
            version = new Version(wmpfVersion);
            core = build(config);
        }

        /** Another HostCore on the same stores and fakes: the host process starting again (boot, update, kill). */
        HostCore build(HostConfig config) {
            return build(config, backend);
        }

        HostCore build(HostConfig config, BackendClient client) {
            return new HostCore(wmpf, version, store, secrets, config, client, events, io, scheduler, () -> now,
                    bytes -> System.arraycopy(nonce, 0, bytes, 0, bytes.length), log);
        }

        void provision() {
            DeviceSecret.provision(secrets, SN, SECRET);
        }

        /** One invoke, run to the end; returns its only reply. */
        String invoke(String command, String data) {
            ReplyBox box = new ReplyBox(timeline);
            core.commands.invoke(command, data, box);
            io.runAll();
            return box.only();
        }

        void push(String message) {
            core.incomingCalls.onPushMessage(message);
            io.runAll();
        }

        /** Nothing secret was logged: the sn (in pushes, paths, replies) and the secret material. */
        void assertCleanLog(String... alsoSecret) {
            String all = log.all();
            HostTests.excludes(all, SN);
            HostTests.excludes(all, "call-page-plugin");
            for (String secret : alsoSecret) HostTests.excludes(all, secret);
        }
    }

    static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte) i;
        return bytes;
    }
}
