package org.parley.bench;

import static org.parley.bench.BenchKafka.await;
import static org.parley.bench.BenchKafka.awaitLeaders;
import static org.parley.bench.BenchKafka.deleteTree;
import static org.parley.bench.BenchKafka.producerProperties;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.parley.local.GroupProgress;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.processor.ProcessorSettings;
import org.parley.contracts.Topic;
import org.parley.contracts.TopicAdmin;
import org.parley.pipeline.LocalPipeline;
import org.parley.processor.InternalTopics;
import org.parley.processor.ProcessorApp;
import org.parley.processor.ProcessorLimits;
import org.parley.processor.StreamsSettings;

/**
 * {@code parley bench pipeline}: on one embedded broker, in one JVM run,
 * <ol>
 *   <li>latency: the whole processor at a fixed article rate, from publishing each article to the moment a
 *       read_committed reader of the dyad stance topic has seen every stance update the article causes;</li>
 *   <li>throughput (a): {@link PassThroughApp} over N pre-loaded articles;</li>
 *   <li>throughput (b): the whole processor ({@link ProcessorApp}) over the same articles topic.</li>
 * </ol>
 * Latency runs first so that "including warm-up" means a processor, broker and JIT that are really cold, unless
 * {@code --warm-jvm N} first pushes N other articles through both apps (the JIT compiler then has compiled the
 * broker's, the clients' and Parley's hot code, as in a process that has run for a while).
 */
public final class PipelineBenchmark {

    /**
     * @param articles        articles of the throughput phase
     * @param rate            offered load of the latency phase, articles/s
     * @param latencySeconds  length of the latency phase
     * @param warmupSeconds   the first part of the latency phase, reported apart
     * @param seed            corpus seed
     * @param partitions      partitions of every topic
     * @param jfrFile         where to write a JFR recording of the throughput (b) phase, or null
     * @param warmJvmArticles articles pushed through both apps before anything is measured, or 0
     * @param streamThreads   num.stream.threads of both apps
     * @param clientProperties further client properties of both apps, as an operator would set them
     */
    public record Settings(int articles, double rate, int latencySeconds, int warmupSeconds, long seed,
                           int partitions, Path jfrFile, int warmJvmArticles, int streamThreads,
                           Map<String, String> clientProperties) {
    }

    /**
     * Articles from first record consumed to everything committed.
     *
     * @param jitMillis time the JIT compilers spent meanwhile (they share the cores with the pipeline)
     */
    public record Throughput(long articles, long sentences, long events, double seconds, long jitMillis) {
        double articlesPerSecond() {
            return articles / seconds;
        }

        double sentencesPerSecond() {
            return sentences / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** Everything the run measured. */
    public record Result(int articles, long bytesPerArticle, double produceArticlesPerSecond, Throughput passThrough,
                         Throughput pipeline, double rate, LatencyStats latencyAll, LatencyStats latencyAfterWarmup,
                         LatencyStats firstUpdateAll, int latencyArticles, int latencyUnmeasured, int warmupSeconds,
                         double coldStartMillis, Object commitIntervalMs, int streamThreads, int warmJvmArticles,
                         String machine) {
        public double ratio() {
            return pipeline.articlesPerSecond() / passThrough.articlesPerSecond();
        }

        /** The one line with every figure, key=value. */
        public String line() {
            return String.format(Locale.ROOT, "bench pipeline: articles=%d bytes_per_article=%d "
                            + "sentences=%d events=%d produce_articles_s=%.0f "
                            + "passthrough_articles_s=%.0f passthrough_sentences_s=%.0f passthrough_s=%.2f "
                            + "parley_articles_s=%.1f parley_sentences_s=%.0f parley_events_s=%.0f parley_s=%.2f "
                            + "ratio=%.3f rate=%.0f %s %s warmup_s=%d %s latency_articles=%d unmeasured=%d cold_start_ms=%.0f "
                            + "commit_interval_ms=%s stream_threads=%d warm_jvm_articles=%d parley_jit_ms=%d passthrough_jit_ms=%d %s",
                    articles, bytesPerArticle, pipeline.sentences(), pipeline.events(), produceArticlesPerSecond,
                    passThrough.articlesPerSecond(), pipeline.sentences() / passThrough.seconds(),
                    passThrough.seconds(), pipeline.articlesPerSecond(), pipeline.sentencesPerSecond(),
                    pipeline.eventsPerSecond(), pipeline.seconds(), ratio(), rate, latencyAll.keyValues("lat_all"),
                    latencyAfterWarmup.keyValues("lat_warm"), warmupSeconds, firstUpdateAll.keyValues("lat_first"),
                    latencyArticles, latencyUnmeasured, coldStartMillis, commitIntervalMs, streamThreads, warmJvmArticles,
                    pipeline.jitMillis(), passThrough.jitMillis(), machine);
        }
    }

    private final Settings settings;
    private final PrintWriter out;
    private final EventCoder coder;
    private final SyntheticCorpus corpus;

    public PipelineBenchmark(Settings settings, EventCoder coder, PrintWriter out) {
        this.settings = settings;
        this.coder = coder;
        this.out = out;
        this.corpus = new SyntheticCorpus(settings.seed());
    }

    public Result run() throws IOException {
        Path work = Files.createTempDirectory("parley-bench-pipeline-");
        try (LocalPipeline broker = LocalPipeline.withEmbeddedBroker(work.resolve("kafka"))) {
            ProcessorSettings base = ProcessorSettings.of(broker.kafka(KafkaSettings.defaults())
                    .withPartitions(settings.partitions(), (short) 1)
                    .withClientProperties(clientProperties(work))).withHttp("127.0.0.1", -1)
                    .withStateDir(work.resolve("state")).withLimits(ProcessorLimits.fromEnv(ParleyEnv.system()));
            say("embedded Kafka at %s; %d partitions; machine: %s", broker.bootstrapServers(), settings.partitions(),
                    Machine.describe());
            if (settings.warmJvmArticles() > 0) {
                warmJvm(base.withTopicPrefix("bench-warm"));
            }
            PipelineLatency.Result latency = new PipelineLatency(settings, coder, corpus, out)
                    .run(base.withTopicPrefix("bench-lat").withApplicationId("bench-lat-parley"));
            ProcessorSettings tp = base.withTopicPrefix("bench");
            TopicAdmin.ensureTopics(tp.kafka());
            awaitLeaders(tp.kafka(), tp.topics().articles().name());
            long[] bytes = {0};
            double produceRate = produce(tp, settings.articles(), bytes);
            Throughput a = passThrough(tp.withApplicationId("bench-passthrough"), settings.articles());
            Throughput b = pipeline(tp.withApplicationId("bench-parley"), settings.articles(), true);
            return new Result(settings.articles(), bytes[0] / settings.articles(), produceRate, a, b,
                    settings.rate(), latency.all(), latency.afterWarmup(), latency.first(), latency.articles(),
                    latency.unmeasured(), settings.warmupSeconds(), latency.coldStartMillis(),
                    StreamsSettings.of(base, null).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), settings.streamThreads(),
                    settings.warmJvmArticles(),
                    Machine.describe());
        } finally {
            deleteTree(work);
        }
    }

    /** Client properties as an operator would set them: the number of stream threads and the extra ones given. */
    private Path clientProperties(Path work) throws IOException {
        StringBuilder props = new StringBuilder("num.stream.threads=" + settings.streamThreads() + "\n");
        settings.clientProperties().forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        return Files.writeString(work.resolve("client.properties"), props);
    }

    /** Pushes other articles through both apps, so that the JIT compiler has compiled the hot code. */
    private void warmJvm(ProcessorSettings warm) {
        TopicAdmin.ensureTopics(warm.kafka());
        awaitLeaders(warm.kafka(), warm.topics().articles().name());
        produce(warm, settings.warmJvmArticles(), new long[1]);
        passThrough(warm.withApplicationId("bench-warm-passthrough"), settings.warmJvmArticles());
        pipeline(warm.withApplicationId("bench-warm-parley"), settings.warmJvmArticles(), false);
        say("JVM warmed with %d articles through both apps; now measuring", settings.warmJvmArticles());
    }

    // ---------------------------------------------------------------------------------------------- throughput

    private double produce(ProcessorSettings config, int n, long[] bytes) {
        Topic<String, Article> topic = config.topics().articles();
        Properties p = producerProperties(config.kafka());
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long started = System.nanoTime();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(p, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            for (int i = 0; i < n; i++) {
                Article a = corpus.article(i, Instant.now());
                bytes[0] += SyntheticCorpus.textBytes(a);
                producer.send(new ProducerRecord<>(topic.name(), a.id(), a));
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        say("produced %d articles (%d bytes of text each on average) in %.1f s", n, bytes[0] / n, seconds);
        return n / seconds;
    }

    private Throughput passThrough(ProcessorSettings config, int n) {
        String output = config.kafka().topicPrefix() + ".passthrough";
        TopicAdmin.ensureTopics(config.kafka(), List.of(output));
        AtomicLong lastSeen = new AtomicLong();
        try (PassThroughApp app = new PassThroughApp(config, output).start();
             CommittedReader reader = new CommittedReader(config.kafkaProperties(), List.of(output),
                     (r, at) -> lastSeen.set(at)).start()) {
            long jitBefore = jitMillis();
            await(() -> reader.count() >= n, "the pass-through app to copy every article");
            double seconds = (lastSeen.get() - app.firstRecordNanos()) / 1e9;
            say("pass-through: %d articles in %.2f s from first record consumed to last copy committed",
                    reader.count(), seconds);
            return new Throughput(n, 0, 0, seconds, jitMillis() - jitBefore);
        }
    }

    private Throughput pipeline(ProcessorSettings config, int n, boolean measured) {
        var t = config.topics();
        AtomicLong lastSeen = new AtomicLong();
        String appId = config.applicationId();
        jdk.jfr.Recording jfr = measured ? startJfr() : null;
        try (LocalPipeline local = LocalPipeline.onBroker(config.kafka().bootstrapServers());
             CommittedReader reader = new CommittedReader(config.kafkaProperties(),
                     List.of(t.events().name(), t.dyadStance().name(), t.countryStance().name()),
                     (r, at) -> lastSeen.set(at)).start()) {
            ProcessorApp app = local.startProcessor(config, coder);
            String[] inputs = app.inputTopics().toArray(String[]::new);
            long[] first = {0};
            // The processor counts each article once it is coded: the first count marks the first record consumed.
            await(() -> app.metrics().articles() > 0, 1, "the processor to code its first article");
            first[0] = System.nanoTime();
            long jitBefore = jitMillis();
            await(() -> app.metrics().articles() >= n, 100, "the processor to code every article");
            // Then wait for the stance outputs to go quiet and confirm with the group's committed offsets. The
            // group check is costly (an admin client and a consumer each time), so it runs only once quiet.
            long[] lastCount = {-1};
            long[] quietSince = {System.nanoTime()};
            await(() -> {
                long now = System.nanoTime();
                long count = reader.count();
                if (count != lastCount[0]) {
                    lastCount[0] = count;
                    quietSince[0] = now;
                    return false;
                }
                return now - quietSince[0] > 2_000_000_000L
                        && GroupProgress.pendingRecords(config.kafkaProperties(), appId, inputs) == 0;
            }, 200, "the processor to commit everything");
            long events = (long) app.metrics().events();
            long sentences = (long) app.metrics().registry().get("parley.sentences").counter().count();
            double seconds = (lastSeen.get() - first[0]) / 1e9;
            say("parley: %d articles, %d sentences, %d events in %.2f s from first article coded to last stance "
                    + "update committed (%d output records)", n, sentences, events, seconds, reader.count());
            stopJfr(jfr);
            if (measured) {
                say("records written per article, by topic: %s", recordsPerArticle(config, n));
            }
            return new Throughput(n, sentences, events, seconds, jitMillis() - jitBefore);
        }
    }

    /**
     * Where the records go: end offsets of the processor's output, repartition and changelog topics (offsets count
     * transaction markers too, one per partition and commit), divided by the articles.
     */
    private static String recordsPerArticle(ProcessorSettings config, int articles) {
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            String appId = config.applicationId();
            String prefix = config.kafka().topicPrefix() + ".";
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> InternalTopics.isInternal(appId, t) || (t.startsWith(prefix) && !t.endsWith(".articles")
                            && !t.endsWith(".passthrough")))
                    .sorted().toList();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request =
                    new HashMap<>();
            for (var d : admin.describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(p -> request.put(new org.apache.kafka.common.TopicPartition(d.name(),
                        p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest()));
            }
            Map<String, Long> perTopic = new java.util.TreeMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) ->
                    perTopic.merge(InternalTopics.shortName(appId, tp.topic()), info.offset(), Long::sum));
            StringBuilder out = new StringBuilder();
            perTopic.forEach((t, n) -> out.append(String.format(Locale.ROOT, "%s=%.1f ", t, (double) n / articles)));
            return out.toString().trim();
        } catch (Exception e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }

    /** Total time the JIT compilers have spent so far, or 0 where the JVM does not say. */
    private static long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private jdk.jfr.Recording startJfr() {
        if (settings.jfrFile() == null) {
            return null;
        }
        try {
            jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            r.setToDisk(true);
            // Short waits matter: the stream thread blocks in every exactly-once commit (docs/benchmarks.md).
            r.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
            r.start();
            return r;
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("cannot start JFR: " + e.getMessage(), e);
        }
    }

    private void stopJfr(jdk.jfr.Recording r) {
        if (r == null) {
            return;
        }
        try {
            r.stop();
            r.dump(settings.jfrFile());
            r.close();
            say("JFR recording of the pipeline phase: %s", settings.jfrFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings.jfrFile(), e);
        }
    }

    private void say(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }
}
