package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.parley.coder.EventCoder;
import org.parley.common.ParleyConfig;
import org.parley.common.TopicAdmin;
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

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Kafka Streams state (default: a temporary folder, removed on exit)")
    Path stateDir;

    @Option(names = "--kafka-data", paramLabel = "DIR",
            description = "data folder of the embedded broker, to keep topics across runs (default: temporary)")
    Path kafkaData;

    @Option(names = "--derived", paramLabel = "NAME=FILTER", description = "a derived topic, e.g. "
            + "rus-conflict=country:RUS,quad:4 (repeatable; adds to $" + DerivedTopic.ENV + ")")
    List<String> derived = new ArrayList<>();

    @Option(names = "--settle", defaultValue = "5", paramLabel = "SECONDS",
            description = "a file is read once its size and modification time are unchanged this long "
                    + "(default: ${DEFAULT-VALUE})")
    int settleSeconds;

    @Spec
    CommandSpec spec;

    /** Counted down to stop; a shutdown hook does it on Ctrl-C, tests do it directly. */
    final CountDownLatch stop = new CountDownLatch(1);

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
        Path work = Files.createTempDirectory("parley-run-");
        boolean embedded = kafka.bootstrapServers == null;
        EmbeddedKafka broker = null;
        ProcessorApp processor = null;
        Sink sink = null;
        Ingestor ingestor = null;
        FolderWatcher watcher = null;
        Thread hook = new Thread(stop::countDown, "parley-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ParleyConfig config = kafka.config();
            if (embedded) {
                broker = EmbeddedKafka.builder().port(0).dataDir(kafkaData).build().start();
                config = config.withBootstrapServers(broker.bootstrapServers()).withPartitions(1, (short) 1);
                stderr.printf("parley run: Kafka at %s%n", broker.bootstrapServers());
            }
            if ("parley-processor".equals(config.applicationId())
                    && !org.parley.common.Topics.DEFAULT_PREFIX.equals(config.topicPrefix())) {
                // Two pipelines with different prefixes on one cluster must not share Streams' internal topics.
                config = config.withApplicationId(config.topicPrefix() + "-processor");
            }
            config = config.withHttp(bind, port).withOutDir(out)
                    .withStateDir(stateDir != null ? stateDir : work.resolve("state"));
            TopicAdmin.ensureTopics(config);
            processor = new ProcessorApp(config, EventCoder.withDefaultDictionaries(), StanceSettings.defaults(),
                    topics).start();
            sink = new Sink(config);
            sink.start();
            ingestor = new Ingestor(config, IngestOptions.defaults());
            watcher = new FolderWatcher(ingestor, watch, IngestOptions.defaults().glob(),
                    Duration.ofSeconds(Math.max(1, settleSeconds)), (file, summary) -> {
                        stderr.printf("parley run: %s: %d article(s), %d duplicate(s), %d rejected%n", file,
                                summary.published(), summary.duplicates(), summary.rejected().size());
                        summary.rejected().forEach(r -> stderr.printf("  rejected %s: %s%n", r.origin(), r.reason()));
                        stderr.flush();
                    }).start();
            String host = "0.0.0.0".equals(bind) ? "127.0.0.1" : bind;
            stdout.printf("parley run: dashboard at http://%s:%d/  (API /api/stance/dyads, streams /api/stream/*)%n",
                    host, processor.httpPort());
            stdout.printf("parley run: watching %s for articles; writing %s; Ctrl-C stops%n", watch.toAbsolutePath(),
                    out.toAbsolutePath());
            topics.forEach(t -> stdout.printf("parley run: derived topic %s%n", t));
            stdout.flush();
            stop.await();
            return 0;
        } finally {
            closeQuietly(watcher);
            closeQuietly(ingestor);
            closeQuietly(sink);
            closeQuietly(processor);
            closeQuietly(broker);
            deleteTree(work);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: that is how we got here
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing on the way out: the rest must still close
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
