package com.familycall.host.core;

import java.util.concurrent.Executor;

/**
 * How the host repeats a background job (the push-token upload, the credential prefetch): one run at a time on the
 * worker executor; asked during a run, it runs once more right after it; each run says when the next is due, and the
 * timer set by a run does nothing once another run has started since.
 */
final class SerialJob {
    interface Run {
        /** On a worker thread: one attempt. The delay in ms until the next one, or null for none until asked. */
        Long once();
    }

    /** The timer of the latest run fired: the owner asks again (and says why in its log). */
    interface Due {
        void fire();
    }

    /** A scheduled next run (named so that tests can tell whose timer it is). */
    static final class Timer implements Runnable {
        final SerialJob job;
        private final long generation;

        private Timer(SerialJob job, long generation) {
            this.job = job;
            this.generation = generation;
        }

        @Override
        public void run() {
            synchronized (job) {
                if (generation != job.generation) return;
            }
            job.due.fire();
        }
    }

    final String name;
    private final Executor io;
    private final Scheduler scheduler;
    private final Run run;
    private final Due due;
    private boolean running;
    private boolean again;
    /** Bumped when a run starts and ends: an older timer finds it changed. */
    private long generation;

    SerialJob(String name, Executor io, Scheduler scheduler, Run run, Due due) {
        this.name = name;
        this.io = io;
        this.scheduler = scheduler;
        this.run = run;
        this.due = due;
    }

    /** A run now (true) or, with one running, once more after it (false). Returns at once. */
    boolean request() {
        return request(new Runnable() {
            @Override
            public void run() {
            }
        });
    }

    /**
     * A run now (true; `starting` runs first, under the job's lock, before the worker can finish) or, with one
     * running, once more after it (false). Returns at once.
     */
    boolean request(Runnable starting) {
        synchronized (this) {
            if (running) {
                again = true;
                return false;
            }
            running = true;
            generation++;
            starting.run();
        }
        io.execute(new Runnable() {
            @Override
            public void run() {
                runUntilSettled();
            }
        });
        return true;
    }

    private void runUntilSettled() {
        while (true) {
            Long next = run.once();
            synchronized (this) {
                generation++;
                if (!again) {
                    running = false;
                    if (next != null) scheduler.schedule(new Timer(this, generation), Math.max(0L, next));
                    return;
                }
                again = false;
            }
        }
    }
}
