package org.parley.sink.outage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.RetriableException;
import org.parley.contracts.KafkaOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sink's poll loop steps so that a broker outage is waited out instead of stopping the sink: a step
 * that fails with a retriable Kafka error (a timeout, a lost connection, dead letters not acknowledged) starts
 * or continues the outage, logged once, and the next step comes after the outage's backoff. Nothing is lost by
 * that: the sink commits offsets only after a step has written its records and acknowledged its dead letters.
 */
public final class OutageGuard {
    private static final Logger LOG = LoggerFactory.getLogger(OutageGuard.class);

    /** One step of the loop. */
    @FunctionalInterface
    public interface Step {
        void run() throws InterruptedException;
    }

    private final KafkaOutage outage;

    public OutageGuard(String bootstrapServers) {
        this.outage = new KafkaOutage("Kafka at " + bootstrapServers + " (sink)", LOG);
    }

    /** Runs the step; on an outage, waits out the backoff (or until {@code stop} opens) and returns. */
    public void run(Step step, CountDownLatch stop) throws InterruptedException {
        try {
            step.run();
        } catch (RetriableException e) {
            outage.failed(e);
            stop.await(outage.untilRetry().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The broker answered a request: ends an outage, if there was one. */
    public void reachable() {
        outage.succeeded();
    }

    public boolean isDown() {
        return outage.isDown();
    }
}
