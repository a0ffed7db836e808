package org.parley.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.contracts.TopicAdmin;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingestor;
import org.parley.ingest.publish.PublishException;
import org.parley.pipeline.LocalPipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley bench MODE}: throughput measurements on this machine. Each mode is a subcommand; the last line
 * each prints holds its figures, so scripts can {@code tail -1}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput on this machine. The last line printed holds the figures.",
        subcommands = {BenchCommand.IngestBench.class, PipelineBenchCommand.class, CoderBenchCommand.class,
            MemoryBenchCommand.class})
public final class BenchCommand implements Runnable {
    static final int OK = 0;
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a mode, e.g. 'parley bench ingest'");
    }

    /**
     * {@code parley bench ingest}: publishes synthetic ~5 KB articles through the real ingest path (a JSON-lines
     * file read, cleaned, deduplicated and published by {@link Ingestor}) and reports articles/s and MB/s of
     * article text. Writing the input file is not timed, nor a warm-up run of other articles through the same
     * ingestor; the clock runs until the broker has acknowledged the last article.
     */
    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Publish synthetic ~5 KB articles through the ingest path and report articles/s, MB/s.",
                "Without --bootstrap-server an embedded broker is started (and its data deleted afterwards)."})
    static final class IngestBench implements Callable<Integer> {
        static final long SEED = 20_250_227L;
        static final int TEXT_CHARS = 5000;

        @Option(names = "--articles", paramLabel = "N", defaultValue = "20000",
                description = "articles to publish (default: ${DEFAULT-VALUE})")
        int articles;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
                description = "articles published first, untimed, so that the JIT compiler and the producer are "
                        + "warm (default: ${DEFAULT-VALUE}; 0 for none)")
        int warmup;

        @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
                description = "publish to this Kafka instead of an embedded broker")
        String bootstrapServers;

        @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "parley-bench",
                description = "topic prefix, so that bench articles stay out of real topics (default: ${DEFAULT-VALUE})")
        String topicPrefix;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (articles <= 0 || warmup < 0) {
                err.println("parley bench ingest: --articles must be positive and --warmup not negative, got "
                        + articles + " and " + warmup);
                return FAILED;
            }
            Path work = Files.createTempDirectory("parley-bench-");
            try {
                Path input = work.resolve("articles.jsonl");
                SyntheticCorpus corpus = new SyntheticCorpus(SEED);
                long textBytes = corpus.writeJsonLines(input, 0, articles, TEXT_CHARS);
                if (warmup > 0) {
                    // other articles of the same corpus: distinct, so none is a duplicate of the timed ones
                    corpus.writeJsonLines(work.resolve("warmup.jsonl"), articles, warmup, TEXT_CHARS);
                }
                out.printf(Locale.ROOT, "generated %d articles, %.1f MB of text (%d bytes each on average)%n",
                        articles, textBytes / 1e6, textBytes / articles);
                out.flush();
                KafkaSettings fromEnv = KafkaSettings.fromEnv(ParleyEnv.system());
                if (bootstrapServers != null) {
                    return run(fromEnv.withBootstrapServers(bootstrapServers), input, textBytes, out, err);
                }
                try (LocalPipeline kafka = LocalPipeline.withEmbeddedBroker(work.resolve("kafka"))) {
                    out.println("embedded Kafka at " + kafka.bootstrapServers());
                    return run(kafka.kafka(fromEnv).withPartitions(1, (short) 1), input, textBytes, out, err);
                }
            } finally {
                deleteTree(work);
            }
        }

        /** CPU time of the whole process, or -1 where the JVM does not tell. */
        private static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        }

        private static void deleteTree(Path dir) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is not worth failing the measurement for
            }
        }

        private int run(KafkaSettings base, Path input, long textBytes, PrintWriter out, PrintWriter err) {
            KafkaSettings config = base.withTopicPrefix(topicPrefix);
            try {
                TopicAdmin.ensureTopics(config);
            } catch (RuntimeException e) {
                err.println("parley bench ingest: " + e.getMessage());
                return FAILED;
            }
            IngestOptions options = new IngestOptions(null, null, IngestOptions.DEFAULT_MAX_BYTES);
            IngestSummary summary;
            long started;
            long elapsed;
            long cpu;
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            try (Ingestor ingestor = new Ingestor(config, options)) {
                if (warmup > 0) {
                    IngestSummary warm = ingestor.ingest(List.of(input.resolveSibling("warmup.jsonl")));
                    out.println("warm-up: " + warm.line());
                    out.flush();
                }
                long cpuStarted = processCpuNanos();
                started = System.nanoTime();
                summary = ingestor.ingest(List.of(input));
                elapsed = System.nanoTime() - started;
                cpu = processCpuNanos() - cpuStarted;
            } catch (PublishException e) {
                err.println("parley bench ingest: " + e.getMessage());
                return FAILED;
            }
            if (summary.published() != articles) {
                err.println("parley bench ingest: expected " + articles + " published, got " + summary.line());
                summary.rejected().stream().limit(5).forEach(r -> err.println("rejected " + r));
                return FAILED;
            }
            double seconds = elapsed / 1e9;
            // CPU time and load tell a slow figure on a busy machine from a slow ingest: the process CPU
            // includes the embedded broker, so it is the whole cost of an article on this machine.
            String cpuNote = cpu < 0 ? "" : String.format(Locale.ROOT, " (process CPU %.1f s = %.0f us/article; "
                    + "load average %.1f on %d cores)", cpu / 1e9, cpu / 1e3 / summary.published(), load,
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "bench ingest: %d articles (%.1f MB of text) published in %.2f s: "
                            + "%.0f articles/s, %.1f MB/s%s%n",
                    summary.published(), textBytes / 1e6, seconds, summary.published() / seconds,
                    textBytes / 1e6 / seconds, cpuNote);
            out.flush();
            return OK;
        }
    }
}
