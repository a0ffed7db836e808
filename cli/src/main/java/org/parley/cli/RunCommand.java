package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parley.coder.EventCoder;
import org.parley.contracts.ParleyConfig;
import org.parley.contracts.TopicAdmin;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.Ingestor;
import org.parley.ingest.watch.FolderWatcher;
import org.parley.local.EmbeddedKafka;
import org.parley.processor.ProcessorApp;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.subscribe.DerivedTopic;
import org.parley.sink.Sink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parley run}: everything on this machine, live, until stopped. A Kafka broker in this JVM (unless
 * {@code --bootstrap-server} names one), the processor with its API and dashboard, the sink, and a watched
 * folder: every article file that lands there is ingested.
 *
 * <p>State and broker data live under {@code --data} (default {@code ./.parley}), locked while running, so a
 * restart resumes where the last run stopped. SIGTERM and Ctrl-C close the parts in order ({@link RunParts}), which
 * leaves the stores checkpointed and the consumer groups left.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run broker, processor, sink and dashboard here, ingesting every file that lands in a folder.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--port", defaultValue = "7070", paramLabel = "N",
            description = "HTTP port of the API and dashboard; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "HTTP bind address (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--watch", defaultValue = "inbox", paramLabel = "DIR",
            description = "folder to watch for article files; created if missing (default: ${DEFAULT-VALUE})")
    Path watch;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR",
            description = "where the sink writes events.jsonl and stance/ (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--data", defaultValue = ".parley", paramLabel = "DIR",
            description = "where run keeps what must survive a restart: Kafka Streams state in DIR/state and the "
                    + "embedded broker's log in DIR/kafka; locked while running (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state (default: DATA/state)")
    Path stateDir;

    @Option(names = "--kafka-data", paramLabel = "DIR",
            description = "log directory of the embedded broker (default: DATA/kafka)")
    Path kafkaData;

    @Option(names = "--derived", paramLabel = "NAME=FILTER", description = "a derived topic, e.g. "
            + "rus-conflict=country:RUS,quad:4 (repeatable; adds to $" + DerivedTopic.ENV + ")")
    List<String> derived = new ArrayList<>();

    @Option(names = "--settle", defaultValue = "5", paramLabel = "SECONDS",
            description = "a file is read once its size and modification time are unchanged this long "
                    + "(default: ${DEFAULT-VALUE})")
    int settleSeconds;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "publication date for articles whose page, fields, sidecar and text state none "
                    + "(else: the day of ingest)")
    java.time.LocalDate date;

    @Spec
    CommandSpec spec;

    /**
     * The longest a stop may take. Past it the shutdown hook lets the JVM exit anyway; what was not closed then
     * behaves as after a crash (the next start restores the stores from their changelogs).
     */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** The bootstrap address written to DATA/bootstrap, removed again on stop. */
    private volatile String address;

    /** Counted down to stop; the shutdown hook does it on SIGTERM and Ctrl-C, tests do it directly. */
    final CountDownLatch stop = new CountDownLatch(1);
    /** Counted down once every part is closed: the shutdown hook waits for it, or the JVM would halt mid-close. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<DerivedTopic> topics = new ArrayList<>(DerivedTopic.fromEnv(System.getenv()));
        try {
            derived.forEach(d -> topics.add(DerivedTopic.parse(d)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--derived: " + e.getMessage());
        }
        Files.createDirectories(watch);
        DataLock lock;
        try {
            lock = DataLock.acquire(data);
        } catch (IllegalStateException e) {
            stderr.println("parley run: " + e.getMessage());
            return 1;
        }
        RunParts parts = new RunParts();
        Thread hook = new Thread(this::stopAndWait, "parley-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            try {
                start(parts, topics, stdout, stderr);
            } catch (BrokerNotStarted e) {
                stderr.println("parley run: " + e.getMessage());
                return 1;
            }
            stop.await();
            return 0;
        } finally {
            if (!parts.isEmpty()) {
                stderr.println("parley run: stopping");
                stderr.flush();
                stderr.println("parley run: " + parts.close());
                stderr.flush();
            }
            if (address != null) {
                BrokerAddress.remove(data, address);
            }
            lock.close();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: that is how we got here
            }
        }
    }

    /** The shutdown hook: asks the main thread to stop and keeps the JVM alive until it has closed everything. */
    private void stopAndWait() {
        stop.countDown();
        try {
            stopped.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The embedded broker's own message says what is wrong (a directory in use, a port taken); no trace needed. */
    private static final class BrokerNotStarted extends RuntimeException {
        BrokerNotStarted(String message) {
            super(message, null, false, false);
        }
    }

    private void start(RunParts parts, List<DerivedTopic> topics, PrintWriter stdout, PrintWriter stderr) {
        ParleyConfig config = kafka.config();
        if (kafka.bootstrapServers == null) {
            parts.broker = EmbeddedKafka.builder().port(0)
                    .dataDir(kafkaData != null ? kafkaData : data.resolve("kafka")).build();
            try {
                parts.broker.start();
            } catch (IllegalStateException e) {
                parts.broker.close();
                parts.broker = null;
                throw new BrokerNotStarted(e.getMessage());
            }
            config = config.withBootstrapServers(parts.broker.bootstrapServers()).withPartitions(1, (short) 1);
        } else {
            BrokerAddress.requireReachable(config, "", BrokerAddress.PROBE_TIMEOUT);
        }
        // Other commands (watch, subscribe, ingest, sink) find this broker through the file.
        BrokerAddress.write(data, config.bootstrapServers());
        address = config.bootstrapServers();
        stdout.printf("parley run: Kafka at %s (address in %s)%n", address, BrokerAddress.file(data));
        stdout.flush();
        if ("parley-processor".equals(config.applicationId())
                && !org.parley.contracts.Topics.DEFAULT_PREFIX.equals(config.topicPrefix())) {
            // Two pipelines with different prefixes on one cluster must not share Streams' internal topics.
            config = config.withApplicationId(config.topicPrefix() + "-processor");
        }
        config = config.withHttp(bind, port).withOutDir(out)
                .withStateDir(stateDir != null ? stateDir : data.resolve("state"));
        TopicAdmin.ensureTopics(config);
        parts.processor = new ProcessorApp(config, EventCoder.withDefaultDictionaries(), StanceSettings.defaults(),
                topics).start();
        parts.sink = new Sink(config);
        parts.sink.start();
        parts.ingestor = new Ingestor(config, new IngestOptions(date, null, IngestOptions.DEFAULT_MAX_BYTES));
        parts.watcher = new FolderWatcher(parts.ingestor, watch, IngestOptions.defaults().glob(),
                Duration.ofSeconds(Math.max(1, settleSeconds)), (file, summary) -> {
                    stderr.printf("parley run: %s: %d article(s), %d duplicate(s), %d rejected%n", file,
                            summary.published(), summary.duplicates(), summary.rejected().size());
                    summary.rejected().forEach(r -> stderr.printf("  rejected %s: %s%n", r.origin(), r.reason()));
                    stderr.flush();
                }).start();
        String host = "0.0.0.0".equals(bind) ? "127.0.0.1" : bind;
        stdout.printf("parley run: dashboard at http://%s:%d/  (API /api/stance/dyads, streams /api/stream/*)%n",
                host, parts.processor.httpPort());
        stdout.printf("parley run: watching %s for articles; writing %s; state in %s; Ctrl-C stops%n",
                watch.toAbsolutePath(), out.toAbsolutePath(), data.toAbsolutePath());
        topics.forEach(t -> stdout.printf("parley run: derived topic %s%n", t));
        stdout.flush();
    }
}
