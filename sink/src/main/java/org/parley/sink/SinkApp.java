package org.parley.sink;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.parley.contracts.metrics.MetricsEndpoint;
import org.parley.sink.deadletter.DeadLetterPublisher;
import org.parley.sink.metrics.SinkMetrics;
import org.parley.sink.outage.OutageGuard;
import org.parley.sink.state.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the events and stance topics to files under the output directory, each event exactly once.
 *
 * <p>Each poll's records are written and fsynced first; then the offsets they came from are stored next to
 * the files ({@code .sink/offsets.json}) and committed to the consumer group {@code <prefix>.sink}. On start the
 * sink reads those stored offsets, the event ids already on disk and the snapshots, so a crash at any moment
 * neither loses nor duplicates anything. The sink reads every partition itself (no group rebalancing): one
 * sink owns one output directory, which a file lock enforces.
 *
 * <p>This class is the sink's front door ({@link #start}, {@link #close}; it owns its thread) and its poll loop
 * (assignment, offsets after fsync, lag); {@link SinkFiles} holds the locked output directory and {@link PollWriter}
 * writes each poll, one writer per topic.
 */
public final class SinkApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final long REFRESH_MISSING_MS = 1_000;
    private static final long REFRESH_MS = 10_000;
    private static final long LAG_MS = 500;

    private final SinkSettings config;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Map<String, String> topicIds = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    private SinkFiles files;
    private StateFile state;
    private PollWriter writer;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Admin admin;
    private DeadLetterPublisher deadLetters;
    private volatile OutageGuard outage;
    private MetricsEndpoint metrics;
    private Thread thread;
    private long nextRefresh;
    private long nextLag;
    private boolean started;
    private boolean closed;

    private volatile boolean stopping;
    private volatile int snapshotFiles;
    private volatile long lag = -1;
    private volatile String lastError;

    public SinkApp(SinkSettings config) {
        this(config, Clock.systemUTC());
    }

    SinkApp(SinkSettings config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Reconciles with the output directory and starts the poll loop on its own thread. Throws
     * {@link SinkException} when the directory cannot be written or another sink holds it.
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("sink already started");
        }
        started = true;
        try {
            files = SinkFiles.open(config.outDir(), config.options(), clock, config.topics());
        } catch (SinkException e) {
            lastError = e.getMessage();
            stopped.countDown();
            throw e;
        }
        state = files.state();
        snapshotFiles = files.stance().files();
        startMetrics();
        consumer = new KafkaConsumer<>(consumerProperties());
        admin = Admin.create(config.kafkaProperties());
        deadLetters = new DeadLetterPublisher(config.kafka(), clock);
        writer = new PollWriter(config.topics(), files, deadLetters);
        outage = new OutageGuard(config.kafka().bootstrapServers());
        thread = new Thread(this::run, "parley-sink");
        thread.start();
    }

    /** With a metrics port, serves {@code /metrics}; a port it cannot listen on stops the start like a bad folder. */
    private void startMetrics() {
        if (!config.metrics().enabled()) {
            return;
        }
        MetricsEndpoint endpoint = new MetricsEndpoint();
        SinkMetrics.bind(endpoint.registry(), this);
        try {
            metrics = endpoint.start(config.metrics().bind(), config.metrics().port());
        } catch (IllegalStateException e) {
            endpoint.close();
            lastError = e.getMessage();
            files.release();
            stopped.countDown();
            throw new SinkException(e.getMessage(), e);
        }
        LOG.info("sink metrics on http://{}:{}{}", config.metrics().bind(), metrics.port(), MetricsEndpoint.PATH);
    }

    /** The port {@code /metrics} is served on, or -1 without it. */
    public synchronized int metricsPort() {
        return metrics == null ? -1 : metrics.port();
    }

    /** True from the first failed attempt of an outage until the broker answers again. */
    public boolean kafkaDown() {
        OutageGuard g = outage;
        return g != null && g.isDown();
    }

    /** Events written so far, snapshot files, records left to read and the error that stopped the sink, if any. */
    public SinkStats stats() {
        PollWriter w = writer;
        return w == null ? new SinkStats(0, 0, 0, 0, snapshotFiles, lag, lastError)
                : new SinkStats(w.eventsWritten(), w.duplicatesSkipped(), w.deadLettered(), w.aggregatesWritten(),
                        snapshotFiles, lag, lastError);
    }

    /**
     * Records the sink has yet to write: end offset minus position, summed over all partitions it reads,
     * refreshed about twice a second. -1 until the sink has found its topics. 0 means caught up.
     */
    public long lag() {
        return lag;
    }

    /** Whether the poll loop is running (it stops on {@link #close} or on a fatal error). */
    public boolean isRunning() {
        return started && stopped.getCount() > 0;
    }

    public SinkSettings settings() {
        return config;
    }

    /** The topics the sink writes to files (none before {@link #start}). */
    public List<String> inputTopics() {
        PollWriter w = writer;
        return w == null ? List.of() : w.topics();
    }

    public Path outDir() {
        return config.outDir().toAbsolutePath().normalize();
    }

    /** Waits until the poll loop has stopped. */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /** Stops the loop (the last written poll is already committed), logs the summary line, releases the files. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = true;
            stopRequested.countDown();
            if (consumer != null) {
                consumer.wakeup();
            }
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                if (!stopped.await(60, TimeUnit.SECONDS)) {
                    LOG.warn("sink poll loop did not stop within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (thread == null && files != null) {
            files.release();
        }
        // Last, so that a scrape during shutdown still answers.
        synchronized (this) {
            if (metrics != null) {
                metrics.close();
            }
        }
    }

    // --- start ----------------------------------------------------------------------------------------------

    private Properties consumerProperties() {
        Properties p = config.kafkaProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    // --- poll loop ------------------------------------------------------------------------------------------

    private void run() {
        try {
            while (!stopping) {
                outage.run(this::step, stopRequested);
            }
        } catch (WakeupException e) {
            if (!stopping) {
                fail(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            fail(e);
        } finally {
            shutDown();
        }
    }

    /** One turn of the loop; a retriable Kafka error leaves the offsets of unwritten records uncommitted. */
    private void step() throws InterruptedException {
        refreshAssignment();
        if (consumer.assignment().isEmpty()) {
            stopRequested.await(200, TimeUnit.MILLISECONDS);
            return;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
            writer.write(records);
            snapshotFiles = files.stance().files();
        }
        commitWritten();
        updateLag(records.isEmpty());
    }

    private void fail(Throwable e) {
        String message = e instanceof SinkException || e instanceof UncheckedIOException
                ? e.getMessage() : e.toString();
        lastError = message;
        LOG.error("sink stopped, offsets of unwritten records not committed: {}", message, e);
    }

    /**
     * Stores then commits the positions of every partition whose position moved. Called only after the records
     * before those positions are written, so a committed offset never covers unwritten data.
     */
    private void commitWritten() {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            long position = consumer.position(tp);
            Long last = committed.get(tp);
            if (last == null || last != position) {
                moved.put(tp, new OffsetAndMetadata(position));
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        moved.forEach((tp, om) -> state.put(tp.topic(), topicIds.get(tp.topic()), tp.partition(), om.offset()));
        state.save();
        try {
            // The offsets are on disk with the files; the group's copy is retried on the next poll. A retriable
            // error (the broker away) goes to the outage guard, which logs it once per outage.
            consumer.commitSync(moved);
        } catch (CommitFailedException e) {
            LOG.warn("cannot commit offsets to group {}, will retry: {}", config.groupId(), e.toString());
            return;
        }
        moved.forEach((tp, om) -> committed.put(tp, om.offset()));
    }

    private void updateLag(boolean idle) {
        long now = clock.millis();
        if (!idle && now < nextLag) {
            return;
        }
        nextLag = now + LAG_MS;
        lag = computeLag(Duration.ofSeconds(5));
        outage.reachable();
    }

    private long computeLag(Duration timeout) {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
        long sum = 0;
        for (TopicPartition tp : assigned) {
            Long end = ends.get(tp);
            if (end != null) {
                sum += Math.max(0, end - consumer.position(tp, timeout));
            }
        }
        return sum;
    }

    /** Finds the topics (they may be created after the sink starts) and reads every partition of them. */
    private void refreshAssignment() throws InterruptedException {
        long now = clock.millis();
        if (now < nextRefresh) {
            return;
        }
        List<String> names = writer.topics();
        Map<String, TopicDescription> found = new HashMap<>();
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(names).topicNameValues();
        // One short deadline for all four, so that close() is not kept waiting while the broker is away.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (String name : names) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                found.put(name, futures.get(name).get(left, TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("topic {} not available yet: {}", name, e.toString());
            }
            if (stopping) {
                return;
            }
        }
        nextRefresh = now + (found.size() == names.size() ? REFRESH_MS : REFRESH_MISSING_MS);
        Set<TopicPartition> wanted = new HashSet<>();
        for (TopicDescription d : found.values()) {
            d.partitions().forEach(p -> wanted.add(new TopicPartition(d.name(), p.partition())));
        }
        Set<TopicPartition> current = consumer.assignment();
        if (wanted.isEmpty() || wanted.containsAll(current) && current.containsAll(wanted)) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(wanted);
        added.removeAll(current);
        wanted.addAll(current);
        consumer.assign(wanted);
        for (TopicDescription d : found.values()) {
            String id = d.topicId().toString();
            topicIds.put(d.name(), id);
            if (state.recreated(d.name(), id)) {
                LOG.info("topic {} was deleted and created again: reading it from the beginning", d.name());
                state.forget(d.name());
            }
        }
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition tp : added) {
            OptionalLong next = state.next(tp.topic(), topicIds.get(tp.topic()), tp.partition());
            if (next.isPresent()) {
                consumer.seek(tp, next.getAsLong());
            } else {
                fromStart.add(tp);
            }
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
        }
    }

    // --- stop -----------------------------------------------------------------------------------------------

    private String commitAndMeasureLag() {
        commitWritten();
        return Long.toString(computeLag(Duration.ofSeconds(2)));
    }

    private String commitAndMeasureLagOrWarn() {
        try {
            return commitAndMeasureLag();
        } catch (RuntimeException e) {
            LOG.warn("cannot commit or measure lag on shutdown: {}", e.toString());
            return "unknown";
        }
    }

    private void shutDown() {
        String remaining = "unknown";
        if (lastError == null && consumer != null && !consumer.assignment().isEmpty()) {
            try {
                remaining = commitAndMeasureLag();
            } catch (WakeupException e) {
                // stop()'s wakeup, left pending when the loop ended without another poll: it fires once, so the
                // final commit is tried again rather than lost
                remaining = commitAndMeasureLagOrWarn();
            } catch (RuntimeException e) {
                LOG.warn("cannot commit or measure lag on shutdown: {}", e.toString());
            }
        }
        // Bounded closes: with the broker away, pending requests would otherwise hold the exit for a minute.
        if (consumer != null) {
            closeQuietly(() -> consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))));
        }
        if (admin != null) {
            closeQuietly(() -> admin.close(Duration.ofSeconds(2)));
        }
        closeQuietly(deadLetters);
        int snapshots = files.stance().files();
        int eventFiles = files.eventFiles();
        files.release();
        long eventsWritten = writer.eventsWritten();
        long duplicatesSkipped = writer.duplicatesSkipped();
        long deadLettered = writer.deadLettered();
        LOG.info("sink {}: {} events written ({} duplicates skipped, {} dead-lettered), {} event files and {} "
                        + "stance files in {}, remaining lag {}", lastError == null ? "stopped" : "failed",
                eventsWritten, duplicatesSkipped, deadLettered, eventFiles, snapshots, files.root(), remaining);
        stopped.countDown();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("cannot close a Kafka client cleanly: {}", e.toString());
        }
    }
}
