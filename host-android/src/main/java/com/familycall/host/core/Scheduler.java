package com.familycall.host.core;

/** Runs a task later (on Android and in production: a ScheduledExecutorService, see HostExecutors). */
public interface Scheduler {
    void schedule(Runnable task, long delayMillis);
}
