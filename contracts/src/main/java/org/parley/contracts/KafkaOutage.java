package org.parley.contracts;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Tracks whether a client can reach Kafka, so that a long-running part rides out a broker outage: it logs one
 * WARN when the outage starts and one INFO when it ends (not one line per failed attempt), and it spaces its
 * retries with a backoff that doubles from {@code minBackoff} up to {@code maxBackoff}.
 *
 * <p>Thread-safe. The caller decides what a failure and a success are; this only keeps the state and the log.
 */
public final class KafkaOutage {
    public static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final String what;
    private final Logger log;
    private final LongSupplier nanoTime;
    private final long minBackoffNanos;
    private final long maxBackoffNanos;

    private boolean down;
    private long downSince;
    private long backoffNanos;
    private long nextRetry;
    private int failures;

    /**
     * @param what what cannot be reached, for the log ("Kafka at 127.0.0.1:9092 for ingest")
     */
    public KafkaOutage(String what, Logger log) {
        this(what, log, System::nanoTime, MIN_BACKOFF, MAX_BACKOFF);
    }

    public KafkaOutage(String what, Logger log, LongSupplier nanoTime, Duration minBackoff, Duration maxBackoff) {
        this.what = what;
        this.log = log;
        this.nanoTime = nanoTime;
        this.minBackoffNanos = minBackoff.toNanos();
        this.maxBackoffNanos = Math.max(minBackoffNanos, maxBackoff.toNanos());
    }

    /** An attempt failed because Kafka could not be reached; the first failure of an outage is logged. */
    public synchronized void failed(Throwable cause) {
        long now = nanoTime.getAsLong();
        failures++;
        if (!down) {
            down = true;
            downSince = now;
            backoffNanos = minBackoffNanos;
            log.warn("{} is unreachable ({}); retrying until it is back", what, describe(cause));
        } else {
            backoffNanos = Math.min(maxBackoffNanos, backoffNanos * 2);
        }
        nextRetry = now + backoffNanos;
    }

    /** An attempt reached Kafka; ends an outage, logging how long it lasted. */
    public synchronized void succeeded() {
        if (!down) {
            return;
        }
        down = false;
        long millis = Duration.ofNanos(nanoTime.getAsLong() - downSince).toMillis();
        log.info("{} is reachable again after {} ms ({} failed attempts)", what, millis, failures);
        failures = 0;
    }

    public synchronized boolean isDown() {
        return down;
    }

    /** True while down and the backoff since the last failure has not run out: skip the attempt. */
    public synchronized boolean waiting() {
        return down && nanoTime.getAsLong() - nextRetry < 0;
    }

    /** How long until the next attempt is due; zero when not down or already due. */
    public synchronized Duration untilRetry() {
        return down ? Duration.ofNanos(Math.max(0, nextRetry - nanoTime.getAsLong())) : Duration.ZERO;
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "no answer";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
