package com.familycall.host.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The worker threads for blocking WMPF IPC (never the main thread). */
public final class HostExecutors {
    private HostExecutors() {
    }

    /**
     * A cached pool rather than one thread: a launch for an incoming call must never queue behind a prefetch that
     * waits on the network, nor behind the serialised device-info query.
     */
    public static ExecutorService newIoExecutor() {
        return Executors.newCachedThreadPool(daemon("family-call-host-io"));
    }

    /** Delayed tasks (push binding retries); they hand their work to the worker executor. */
    public static Scheduler newScheduler() {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("family-call-host-timer"));
        return new Scheduler() {
            @Override
            public void schedule(Runnable task, long delayMillis) {
                timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            }
        };
    }

    private static ThreadFactory daemon(final String name) {
        final AtomicInteger count = new AtomicInteger();
        return new ThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        };
    }
}
