package org.parley.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft broker and controller in one) running inside this JVM.
 *
 * <p>It is Kafka's own {@link KafkaRaftServer}, not a fake: transactions, compaction and both group
 * protocols (consumer and streams) work as on any broker. Only loopback listeners are opened.
 *
 * <p>A data directory that already holds a formatted log directory ({@code meta.properties}) is reused as
 * it is, so a broker restarted on the same directory still has its topics and records.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    /**
     * Transactions v1: the producer adds each partition to its transaction (AddPartitionsToTxn) before writing to
     * it. Kafka 4.x formats with v2 (KIP-890), where the partition leader checks that instead and answers a
     * transaction's first batch with CONCURRENT_TRANSACTIONS while the previous commit is still completing; the
     * batches pipelined behind it are then refused as OutOfOrderSequence and logged at ERROR (benign, retried,
     * but dozens per run with Kafka Streams committing every 100 ms). See docs/local-kafka.md.
     */
    static final short TRANSACTION_VERSION = 1;
    static final String TRANSACTION_VERSION_FEATURE = "transaction.version";
    /** How long {@link #start()} waits for the broker to answer an Admin request. */
    private static final long READY_TIMEOUT_MS = 60_000;

    private final int requestedPort;
    private final boolean deleteOnClose;
    private final boolean testTuning;
    private Path dataDir;

    private KafkaRaftServer server;
    private int port;
    private boolean closed;

    private EmbeddedKafka(Builder b) {
        this.requestedPort = b.port;
        this.testTuning = b.testTuning;
        this.dataDir = b.dataDir == null ? null : b.dataDir.toAbsolutePath();
        this.deleteOnClose = b.dataDir == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Formats the data directory if it is new, starts the broker and blocks until it answers. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            throw new IllegalStateException("broker already started at " + bootstrapServers());
        }
        if (closed) {
            throw new IllegalStateException("broker was closed; build a new one");
        }
        long t0 = System.nanoTime();
        try {
            if (dataDir == null) {
                dataDir = Files.createTempDirectory("parley-kafka-");
            }
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + dataDir, e);
        }
        ensureNotInUse();
        // Free ports are found by binding and releasing them, so another process may take one before the
        // broker binds it: then try again with fresh ports (only ports we picked, never a requested one).
        for (int attempt = 1; ; attempt++) {
            port = requestedPort == 0 ? freePort() : requestedPort;
            int controllerPort = freePort();
            Properties props = serverProperties(port, controllerPort);
            formatIfNew(props);
            KafkaRaftServer s = null;
            try {
                s = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                s.startup();
                server = s;
                awaitReady();
                pinTransactionVersion();
                break;
            } catch (RuntimeException e) {
                if (s != null) {
                    shutdownQuietly(s);
                }
                server = null;
                if (attempt < 3 && isBindFailure(e)) {
                    LOG.warn("port taken while the broker started ({}); retrying with other ports", e.getMessage());
                    continue;
                }
                throw new IllegalStateException("Kafka broker did not start at " + HOST + ":" + port + " (data "
                        + dataDir + "): " + rootMessage(e), e);
            }
        }
        LOG.info("Kafka broker ready at {} in {} ms (data {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), dataDir);
        return this;
    }

    /** {@code 127.0.0.1:PORT}; valid once {@link #start()} has returned. */
    public String bootstrapServers() {
        if (server == null) {
            throw new IllegalStateException("broker is not running");
        }
        return HOST + ":" + port;
    }

    /** The port clients connect to; valid once {@link #start()} has returned. */
    public int port() {
        bootstrapServers();
        return port;
    }

    /** The log directory; for a temporary one, null until {@link #start()}. */
    public Path dataDir() {
        return dataDir;
    }

    /** Controlled shutdown, like SIGTERM to a standalone broker; then deletes the data directory if it was temporary. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            long t0 = System.nanoTime();
            shutdownQuietly(server);
            server = null;
            LOG.debug("Kafka broker stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
        if (deleteOnClose && dataDir != null) {
            deleteRecursively(dataDir);
        }
    }

    Properties serverProperties(int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toString());

        // One node: every internal topic has one replica, and in-sync means that one.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // A single local node gains nothing from 50 coordinator partitions; one starts faster.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");

        // Auto-creation stays on (Kafka's default). Parley creates its own topics with Admin; Kafka Streams
        // creates its internal topics itself; leaving it on only helps ad-hoc use of `parley broker`.
        p.put("auto.create.topics.enable", "true");

        // Nobody else will join: start the first rebalance at once (classic, consumer and streams groups).
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");
        p.put("group.streams.assignment.interval.ms", "0");
        p.put("group.streams.min.heartbeat.interval.ms", "500");
        p.put("group.streams.heartbeat.interval.ms", "500");
        p.put("group.consumer.min.heartbeat.interval.ms", "500");
        p.put("group.consumer.heartbeat.interval.ms", "500");

        // After a crash (SIGKILL) the restarted node is refused re-registration until the old broker session
        // times out: 9 s by default. On one local node a short session costs nothing and makes restarts quick.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");

        // The cleaner's dedupe map is allocated whole (128 MiB by default); local topics are small.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));

        if (testTuning) {
            // Tests create many groups and topics and stop members abruptly: let dead members go quickly
            // and keep the broker light.
            p.put("group.min.session.timeout.ms", "1000");
            p.put("group.consumer.min.session.timeout.ms", "5000");
            p.put("group.consumer.session.timeout.ms", "10000");
            p.put("group.streams.min.session.timeout.ms", "5000");
            p.put("group.streams.session.timeout.ms", "10000");
            p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
            p.put("num.network.threads", "2");
            p.put("num.io.threads", "2");
            p.put("background.threads", "2");
        }
        return p;
    }

    /**
     * Kafka locks its log directory ({@code .lock}) only when the broker half starts, after the controller half has
     * opened the metadata log in it; a second broker on a directory in use would get that far and disturb the
     * first. So try Kafka's own lock first, and let go of it at once for the broker to take.
     */
    private void ensureNotInUse() {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("Kafka data directory " + dataDir
                        + " is in use by another broker; stop it or choose another directory");
            }
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Kafka data directory " + dataDir, e);
        }
    }

    /** Formats the log directory unless it already carries meta.properties (then it is a restart). */
    private void formatIfNew(Properties props) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            LOG.debug("reusing formatted Kafka log directory {}", dataDir);
            return;
        }
        Path configFile = null;
        try {
            configFile = Files.createTempFile("parley-kafka-", ".properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "Parley embedded Kafka");
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int rc;
            try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
                rc = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", configFile.toString(), "--ignore-formatted",
                    "--feature", TRANSACTION_VERSION_FEATURE + "=" + TRANSACTION_VERSION}, ps);
            }
            if (rc != 0) {
                throw new IllegalStateException("formatting Kafka log directory " + dataDir + " failed (exit " + rc
                        + "): " + buf.toString(StandardCharsets.UTF_8).trim());
            }
            LOG.debug("formatted {}: {}", dataDir, buf.toString(StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration for " + dataDir, e);
        } finally {
            if (configFile != null) {
                try {
                    Files.deleteIfExists(configFile);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private void awaitReady() {
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT_MS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
        try (Admin admin = Admin.create(conf)) {
            while (true) {
                try {
                    // A broker that lists itself is registered with the controller and unfenced.
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("broker did not answer within " + READY_TIMEOUT_MS + " ms",
                                e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("broker did not answer within " + READY_TIMEOUT_MS + " ms");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    /**
     * A directory formatted before the pin (or by another tool) may carry transactions v2: step it down once.
     * The level only chooses the protocol of transactions that start afterwards, so the downgrade is safe.
     */
    private void pinTransactionVersion() {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + port);
        try (Admin admin = Admin.create(conf)) {
            FinalizedVersionRange current = admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS)
                    .finalizedFeatures().get(TRANSACTION_VERSION_FEATURE);
            if (current == null || current.maxVersionLevel() <= TRANSACTION_VERSION) {
                return;
            }
            admin.updateFeatures(Map.of(TRANSACTION_VERSION_FEATURE, new FeatureUpdate(TRANSACTION_VERSION,
                    FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)), new UpdateFeaturesOptions())
                    .all().get(30, TimeUnit.SECONDS);
            LOG.info("{} set from {} to {} in {}", TRANSACTION_VERSION_FEATURE, current.maxVersionLevel(),
                    TRANSACTION_VERSION, dataDir);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Not fatal: transactions still work, only the broker log is noisier.
            LOG.warn("cannot set {}={} on {}: {}", TRANSACTION_VERSION_FEATURE, TRANSACTION_VERSION, dataDir,
                    rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting " + TRANSACTION_VERSION_FEATURE, e);
        }
    }

    /** True when a port we picked was taken; a requested client port that is taken is the caller's problem. */
    private boolean isBindFailure(Throwable e) {
        boolean bind = false;
        boolean requestedPortTaken = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            bind |= t instanceof java.net.BindException;
            requestedPortTaken |= requestedPort != 0
                    && String.valueOf(t.getMessage()).contains(HOST + ":" + requestedPort);
        }
        return bind && !requestedPortTaken;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    private static void shutdownQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("error while stopping the Kafka broker", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", p, e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete temporary Kafka data directory {}", dir, e);
        }
    }

    /** Options for {@link EmbeddedKafka}. */
    public static final class Builder {
        private int port;
        private Path dataDir;
        private boolean testTuning;

        private Builder() {
        }

        /** Client port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Where the broker keeps its log; null (the default) uses a temporary directory deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Shorter group session timeouts and fewer broker threads, for test JVMs. */
        public Builder testTuning(boolean testTuning) {
            this.testTuning = testTuning;
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }
    }
}
