package com.familycall.host.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The plain-Java test runner of the host module (no JUnit offline): each suite registers named cases. */
public final class HostTests {
    interface Case {
        void run() throws Exception;
    }

    private final List<String> failures = new ArrayList<>();
    private int passed;

    void group(String name) {
        System.out.println(name);
    }

    void test(String name, Case body) {
        try {
            body.run();
            passed++;
            System.out.println("  ok    " + name);
        } catch (Throwable failure) {
            failures.add(name + ": " + failure);
            System.out.println("  FAIL  " + name + ": " + failure);
        }
    }

    public static void main(String[] args) {
        HostTests t = new HostTests();
        FormatTests.register(t);
        DeviceTests.register(t);
        CommandTests.register(t);
        PushTests.register(t);
        SignerTests.register(t);
        LifecycleTests.register(t);
        CredentialTests.register(t);
        HttpTests.register(t);
        System.out.println();
        System.out.println(t.passed + " passed, " + t.failures.size() + " failed");
        for (String failure : t.failures) System.out.println("FAILED " + failure);
        System.exit(t.failures.isEmpty() ? 0 : 1);
    }

    // ---- assertions ----

    static void eq(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    static void yes(boolean condition, String what) {
        if (!condition) throw new AssertionError(what);
    }

    static void excludes(String text, String unwanted) {
        if (text.contains(unwanted)) throw new AssertionError("<" + text + "> must not contain <" + unwanted + ">");
    }

    static <X extends Throwable> X throwsA(Class<X> type, Case body) {
        try {
            body.run();
        } catch (Throwable thrown) {
            if (type.isInstance(thrown)) return type.cast(thrown);
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + thrown);
        }
        throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
    }
}
