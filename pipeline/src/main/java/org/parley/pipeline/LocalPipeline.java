package org.parley.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.parley.coder.EventCoder;
import org.parley.common.DyadStance;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.ingest.IngestApp;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingestor;
import org.parley.ingest.http.ArticleServer;
import org.parley.local.EmbeddedKafka;
import org.parley.local.GroupProgress;
import org.parley.processor.ProcessorApp;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.stance.StanceTopology;
import org.parley.sink.SinkApp;
import org.parley.sink.SinkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley on one machine: a broker (started here, or one already running) and whichever of the processor, the sink
 * and ingest the caller starts, all in this JVM and all on that broker. The one place they are assembled, for
 * {@code parley run}, {@code parley demo}, the end-to-end tests and the pipeline and memory benchmarks.
 *
 * <p>{@link #close} stops the parts in the order data flows: ingest first (no new articles), then the processor
 * (commits, writes its store checkpoints and leaves the group), then the sink (commits what it wrote), and the
 * broker last, since everyone before it still talks to it while closing.
 */
public final class LocalPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

    private final EmbeddedKafka broker;
    private final String bootstrapServers;
    private Ingestor ingestor;
    private IngestApp ingestApp;
    private ProcessorApp processor;
    private SinkApp sink;
    private String stopped;

    private LocalPipeline(EmbeddedKafka broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a real single-node broker in this JVM on a free port, its log in {@code dataDir} (null: a temporary
     * folder, deleted on close). Throws {@link IllegalStateException}, with the broker's own message, when it
     * cannot start (a folder in use, for example).
     */
    public static LocalPipeline withEmbeddedBroker(Path dataDir) {
        EmbeddedKafka kafka = EmbeddedKafka.builder().port(0).dataDir(dataDir).build();
        try {
            kafka.start();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return new LocalPipeline(kafka, kafka.bootstrapServers());
    }

    /** Parts on a broker that is already running. */
    public static LocalPipeline onBroker(String bootstrapServers) {
        return new LocalPipeline(null, bootstrapServers);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code base} on this pipeline's broker: every part started here talks to it. */
    public KafkaSettings kafka(KafkaSettings base) {
        return base.withBootstrapServers(bootstrapServers);
    }

    /** Creates the topics and starts the processor (with the default stance settings); returns at once. */
    public synchronized ProcessorApp startProcessor(ProcessorSettings settings, EventCoder coder) {
        ProcessorSettings here = settings.withKafka(kafka(settings.kafka()));
        TopicAdmin.ensureTopics(here.kafka());
        processor = new ProcessorApp(here, coder, StanceSettings.defaults()).start();
        return processor;
    }

    /** Waits until the processor's stream threads run. */
    public void awaitProcessorRunning(Duration timeout) {
        waitFor(() -> processor.state() == KafkaStreams.State.RUNNING, timeout, "the processor to start");
    }

    /** Starts the sink; throws {@code SinkException} when its output folder cannot be written or is taken. */
    public synchronized SinkApp startSink(SinkSettings settings) {
        SinkApp app = new SinkApp(settings.withKafka(kafka(settings.kafka())));
        app.start();
        sink = app;
        return app;
    }

    /** Ingest's publisher, for articles handed over once ({@link Ingestor#ingest}). */
    public synchronized Ingestor startIngestor(KafkaSettings kafka, IngestOptions options) {
        ingestor = new Ingestor(kafka(kafka), options);
        return ingestor;
    }

    /** Ingest's long-running sources (watched folders, feeds, HTTP), publishing through {@link #startIngestor}. */
    public synchronized IngestApp startIngestApp(IngestApp.Settings settings,
                                                 BiConsumer<String, IngestSummary> onEach,
                                                 Consumer<String> onStatus) {
        if (ingestor == null) {
            throw new IllegalStateException("start the ingestor first");
        }
        ingestApp = new IngestApp(ingestor, settings, onEach, onStatus).start();
        return ingestApp;
    }

    /**
     * Takes {@code POST /api/articles} on the processor's HTTP port, as {@code parley ingest --http} does on its own:
     * the same answers, published through {@link #startIngestor}'s publisher. Requires both started.
     *
     * @param onRequest told of each request with what became of it, on a server thread
     */
    public synchronized void acceptArticlesOverHttp(long maxRequestBytes, long maxArticleBytes,
                                                    BiConsumer<String, IngestSummary> onRequest) {
        if (ingestor == null || processor == null) {
            throw new IllegalStateException("start the processor and the ingestor first");
        }
        processor.mountArticleIntake(new ArticleServer(ingestor, maxRequestBytes, maxArticleBytes, onRequest)::handle);
    }

    public ProcessorApp processor() {
        return processor;
    }

    public SinkApp sink() {
        return sink;
    }

    /**
     * Waits until the processor has committed past every record of every topic it reads (its repartition topics
     * included), and the sink past every record of the topics it writes: then everything ingested so far is on
     * disk. Two quiet checks in a row, since a repartition topic fills while the articles topic drains.
     */
    public void awaitIdle(Duration timeout) {
        int[] quietChecks = {0};
        waitFor(() -> {
            boolean idle = pending(processor) == 0 && pending(sink) == 0;
            quietChecks[0] = idle ? quietChecks[0] + 1 : 0;
            return quietChecks[0] >= 2;
        }, timeout, "the pipeline to process everything ingested");
    }

    private long pending(ProcessorApp app) {
        if (app == null) {
            return 0;
        }
        Properties props = app.settings().kafkaProperties();
        return GroupProgress.pendingRecords(props, app.settings().applicationId(),
                app.inputTopics().toArray(String[]::new));
    }

    private long pending(SinkApp app) {
        if (app == null) {
            return 0;
        }
        return GroupProgress.pendingRecords(app.settings().kafkaProperties(), app.settings().groupId(),
                app.inputTopics().toArray(String[]::new));
    }

    /** Every dyad's current aggregate, most events first, read from the processor's state store. */
    public List<DyadStance> dyads() {
        ReadOnlyKeyValueStore<String, DyadStance> store = processor.streams().store(
                StoreQueryParameters.fromNameAndType(StanceTopology.DYAD_STANCE_STORE,
                        QueryableStoreTypes.keyValueStore()));
        List<DyadStance> rows = new ArrayList<>();
        try (KeyValueIterator<String, DyadStance> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, DyadStance> kv = it.next();
                rows.add(kv.value);
            }
        }
        rows.sort(Comparator.comparingLong(DyadStance::events).reversed()
                .thenComparing(DyadStance::source).thenComparing(DyadStance::target));
        return rows;
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * Closes every part, each even if one before it failed, and returns one line saying how long each took
     * ({@code stopped in 1.2 s (ingest 0.0 s, processor 0.9 s, ...)}); the same line on every later call.
     */
    public synchronized String stop() {
        if (stopped != null) {
            return stopped;
        }
        long t0 = System.nanoTime();
        List<String> took = new ArrayList<>();
        closeTimed("ingest", took, () -> {
            closeQuietly("ingest sources", ingestApp);
            closeQuietly("ingestor", ingestor);
        });
        closeTimed("processor", took, () -> closeQuietly("processor", processor));
        closeTimed("sink", took, () -> closeQuietly("sink", sink));
        closeTimed("broker", took, () -> closeQuietly("broker", broker));
        stopped = String.format("stopped in %.1f s (%s)", seconds(System.nanoTime() - t0), String.join(", ", took));
        return stopped;
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeTimed(String name, List<String> took, Runnable close) {
        long t0 = System.nanoTime();
        close.run();
        took.add(String.format("%s %.1f s", name, seconds(System.nanoTime() - t0)));
    }

    private static void closeQuietly(String name, AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            // on the way out the rest must still close; say what went wrong
            LOG.warn("closing the {} failed", name, e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / (double) TimeUnit.SECONDS.toNanos(1);
    }
}
