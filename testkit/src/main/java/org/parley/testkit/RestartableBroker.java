package org.parley.testkit;

import java.nio.file.Path;
import org.parley.local.EmbeddedKafka;

/**
 * A broker of a test's own that can be stopped and started again on the same port and data directory, for
 * outage tests; the shared broker of {@link KafkaExtension} must stay up for the other tests of the JVM.
 *
 * <p>{@link #stop()} is a controlled shutdown (like SIGTERM), so the restart is not held up by the old broker
 * session; the topics and records survive it.
 */
public final class RestartableBroker implements AutoCloseable {
    private final Path dataDir;
    private EmbeddedKafka broker;
    private int port;

    /** Starts a broker with its log in {@code dataDir} on a free port. */
    public RestartableBroker(Path dataDir) {
        this.dataDir = dataDir;
        start();
    }

    /** {@code 127.0.0.1:PORT}, the same across restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean running() {
        return broker != null;
    }

    /** Stops the broker cleanly; clients see connection refused until {@link #start()}. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on the same port and data directory; returns once it answers. */
    public synchronized void start() {
        if (broker != null) {
            return;
        }
        EmbeddedKafka b = EmbeddedKafka.builder().port(port).dataDir(dataDir).testTuning(true).build();
        b.start();
        port = b.port();
        broker = b;
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
