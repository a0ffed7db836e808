package org.parley.cli;

import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place a long-running command ({@code run}, {@code process}, {@code sink}, {@code ingest --watch/--feed/
 * --http}) meets the process's shutdown. Ctrl-C and SIGTERM ask the session to stop; the command's own thread then
 * closes what it started, in its order; and once that is done the shutdown hook ends the process with the command's
 * exit code. On a signal the JVM is already shutting down and the command's normal way out is gone, so the hook
 * keeps the JVM alive until the parts are closed, at most {@link #STOP_TIMEOUT}: past it the process exits anyway,
 * and what was not closed recovers as after a crash.
 */
final class Foreground {
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** What a command runs until stopped. */
    interface Session {
        /** Starts the parts; when it throws, {@link #close} still runs and the exception reaches the command. */
        void start();

        /** Returns once {@code stop} is counted down, or earlier when the work ends by itself. */
        default void await(CountDownLatch stop) throws InterruptedException {
            stop.await();
        }

        /** Closes whatever was started and returns the command's exit code; called once, on the command's thread. */
        int close();
    }

    private final String name;
    private final CountDownLatch stop = new CountDownLatch(1);

    Foreground(String name) {
        this.name = name;
    }

    /** Ends the session as a signal would; for tests. */
    void stop() {
        stop.countDown();
    }

    /** Runs {@code session} until a signal, {@link #stop}, its own end, or {@code runFor} (null: no limit). */
    int run(Session session, Duration runFor) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger();
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                if (closed.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "parley-" + name + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Timer limit = runFor == null ? null : stopAfter(runFor);
        boolean interrupted = false;
        try {
            session.start();
            session.await(stop);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (limit != null) {
                limit.cancel();
            }
            exitCode.set(session.close());
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it ends the process with the exit code just set
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return exitCode.get();
    }

    private Timer stopAfter(Duration runFor) {
        Timer timer = new Timer("parley-" + name + "-run-for", true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                stop.countDown();
            }
        }, runFor.toMillis());
        return timer;
    }
}
