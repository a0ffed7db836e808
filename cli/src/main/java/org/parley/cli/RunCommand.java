package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.coder.EventCoder;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.contracts.Topics;
import org.parley.ingest.IngestApp;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.http.ArticleServer;
import org.parley.pipeline.LocalPipeline;
import org.parley.processor.ProcessorApp;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.subscribe.DerivedTopic;
import org.parley.sink.SinkSettings;
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
 * restart resumes where the last run stopped. SIGTERM and Ctrl-C close the parts in order ({@link LocalPipeline}),
 * which leaves the stores checkpointed and the consumer groups left.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run broker, processor, sink and dashboard here, ingesting every file that lands in a folder.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    HttpOptions http;

    @Mixin
    OutOptions out;

    @Mixin
    GdeltOption gdelt;

    @Mixin
    StateDirOption state;

    @Mixin
    DateOption date;

    @Option(names = "--watch", defaultValue = "inbox", paramLabel = "DIR",
            description = "folder to watch for article files; created if missing (default: ${DEFAULT-VALUE})")
    Path watch;

    @Option(names = "--data", defaultValue = ".parley", paramLabel = "DIR",
            description = "where run keeps what must survive a restart: Kafka Streams state in DIR/state and the "
                    + "embedded broker's log in DIR/kafka; locked while running (default: ${DEFAULT-VALUE})")
    Path data;

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

    @Spec
    CommandSpec spec;

    /** Stopped by SIGTERM and Ctrl-C; tests stop it directly. */
    final Foreground foreground = new Foreground("run");

    @Override
    public Integer call() throws Exception {
        PrintWriter stderr = spec.commandLine().getErr();
        ProcessorSettings processor = processorSettings();
        Files.createDirectories(watch);
        DataLock lock;
        try {
            lock = DataLock.acquire(data);
        } catch (IllegalStateException e) {
            stderr.println("parley run: " + e.getMessage());
            return 1;
        }
        try {
            return foreground.run(new Session(processor, lock), null);
        } catch (BrokerNotStarted e) {
            stderr.println("parley run: " + e.getMessage());
            return 1;
        }
    }

    /** The environment's processor settings with the options on top, and every derived topic. */
    private ProcessorSettings processorSettings() {
        ProcessorSettings s = ProcessorSettings.fromEnv(ParleyEnv.system());
        List<DerivedTopic> topics = new ArrayList<>(s.derived());
        try {
            derived.forEach(d -> topics.add(DerivedTopic.parse(d)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--derived: " + e.getMessage());
        }
        s = state.applyTo(http.applyTo(s.withKafka(kafka.applyTo(s.kafka()))), data.resolve("state"));
        if (ProcessorSettings.DEFAULT_APPLICATION_ID.equals(s.applicationId())
                && !Topics.DEFAULT_PREFIX.equals(s.kafka().topicPrefix())) {
            // Two pipelines with different prefixes on one cluster must not share Streams' internal topics.
            s = s.withApplicationId(s.kafka().topicPrefix() + "-processor");
        }
        return s.withDerived(topics);
    }

    /** The embedded broker's own message says what is wrong (a directory in use, a port taken); no trace needed. */
    private static final class BrokerNotStarted extends RuntimeException {
        BrokerNotStarted(String message) {
            super(message, null, false, false);
        }
    }

    /** The parts of one run, from start to the last cleanup. */
    private final class Session implements Foreground.Session {
        private final ProcessorSettings processor;
        private final DataLock lock;
        private LocalPipeline pipeline;
        /** The bootstrap address written to DATA/bootstrap, removed again on stop. */
        private String address;

        Session(ProcessorSettings processor, DataLock lock) {
            this.processor = processor;
            this.lock = lock;
        }

        @Override
        public void start() {
            pipeline = broker();
            // Other commands (watch, subscribe, ingest, sink) find this broker through the file.
            address = pipeline.bootstrapServers();
            BrokerAddress.write(data, address);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("parley run: Kafka at %s (address in %s)%n", address, BrokerAddress.file(data));
            stdout.flush();
            ProcessorSettings settings = kafka.namesABroker() ? processor
                    : processor.withPartitions(1, (short) 1);
            ProcessorApp app = pipeline.startProcessor(settings, EventCoder.withDefaultDictionaries());
            KafkaSettings onBroker = pipeline.kafka(settings.kafka());
            pipeline.startSink(gdelt.applyTo(out.applyTo(SinkSettings.fromEnv(ParleyEnv.system())
                    .withKafka(onBroker))));
            pipeline.startIngestor(onBroker, new IngestOptions(date.date, null, IngestOptions.DEFAULT_MAX_BYTES));
            pipeline.acceptArticlesOverHttp(IngestCommand.DEFAULT_MAX_REQUEST_BYTES, IngestOptions.DEFAULT_MAX_BYTES,
                    this::report);
            pipeline.startIngestApp(new IngestApp.Settings(List.of(watch), IngestOptions.defaults().glob(),
                    Duration.ofSeconds(Math.max(1, settleSeconds)), List.of(), Duration.ofMinutes(5),
                    IngestOptions.DEFAULT_MAX_BYTES, null, null, 0), this::report, line -> { });
            announce(app, pipeline.sink().outDir(), pipeline.sink().settings().options().gdelt());
        }

        private LocalPipeline broker() {
            if (kafka.namesABroker()) {
                BrokerAddress.requireReachable(processor.kafka(), "", BrokerAddress.PROBE_TIMEOUT);
                return LocalPipeline.onBroker(processor.kafka().bootstrapServers());
            }
            try {
                return LocalPipeline.withEmbeddedBroker(kafkaData != null ? kafkaData : data.resolve("kafka"));
            } catch (IllegalStateException e) {
                throw new BrokerNotStarted(e.getMessage());
            }
        }

        private void report(String file, IngestSummary summary) {
            PrintWriter stderr = spec.commandLine().getErr();
            stderr.printf("parley run: %s: %d article(s), %d duplicate(s), %d rejected%n", file,
                    summary.published(), summary.duplicates(), summary.rejected().size());
            summary.rejected().forEach(r -> stderr.printf("  rejected %s: %s%n", r.origin(), r.reason()));
            stderr.flush();
        }

        private void announce(ProcessorApp app, Path outDir, boolean gdeltOn) {
            PrintWriter stdout = spec.commandLine().getOut();
            String host = "0.0.0.0".equals(processor.httpBind()) ? "127.0.0.1" : processor.httpBind();
            stdout.printf("parley run: dashboard at http://%s:%d/  (API /api/stance/dyads, streams /api/stream/*)%n",
                    host, app.httpPort());
            stdout.printf("parley run: articles by POST to http://%s:%d%s (JSON, as parley ingest --http)%n", host,
                    app.httpPort(), ArticleServer.PATH);
            stdout.printf("parley run: watching %s for articles; writing %s%s; state in %s; Ctrl-C stops%n",
                    watch.toAbsolutePath(), outDir, gdeltOn ? " (with the GDELT export)" : "", data.toAbsolutePath());
            processor.derived().forEach(t -> stdout.printf("parley run: derived topic %s%n", t));
            stdout.flush();
        }

        @Override
        public int close() {
            PrintWriter stderr = spec.commandLine().getErr();
            if (pipeline != null) {
                stderr.println("parley run: stopping");
                stderr.flush();
                stderr.println("parley run: " + pipeline.stop());
                stderr.flush();
            }
            if (address != null) {
                BrokerAddress.remove(data, address);
            }
            lock.close();
            return 0;
        }
    }
}
