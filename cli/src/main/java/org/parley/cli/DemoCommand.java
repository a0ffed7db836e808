package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.coder.EventCoder;
import org.parley.common.DyadStance;
import org.parley.contracts.ParleyConfig;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingestor;
import org.parley.local.EmbeddedKafka;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley demo}: the whole pipeline on this machine over a real embedded Kafka. Ingests a folder, waits
 * until every article is coded and written, prints the stance table and stops.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run broker, processor and sink here, ingest a folder, print the stance table, and stop.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--seeds", defaultValue = "seeds", paramLabel = "DIR",
            description = "articles to ingest (default: ${DEFAULT-VALUE})")
    Path seeds;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR",
            description = "where the sink writes events.jsonl and stance/ (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--port", defaultValue = "0", paramLabel = "N",
            description = "HTTP port of the processor's API while the demo runs (default: a free port)")
    int port;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "give up if processing takes longer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "publication date for articles whose page, fields, sidecar and text state none "
                    + "(else: the day of ingest)")
    java.time.LocalDate date;

    @Option(names = "--verbose", description = "show Kafka's and Parley's log messages (default: errors only)")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!Files.isDirectory(seeds)) {
            stderr.println("parley demo: no such folder: " + seeds);
            return 2;
        }
        Quiet.logs(verbose);
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("parley-demo-");
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().port(0).dataDir(null).build().start()) {
            ParleyConfig config = ParleyConfig.fromEnv().withBootstrapServers(kafka.bootstrapServers())
                    .withPartitions(1, (short) 1).withApplicationId("parley-demo")
                    .withStateDir(work.resolve("state")).withOutDir(out).withHttp("127.0.0.1", port);
            stderr.printf("parley demo: Kafka at %s, writing to %s%n", kafka.bootstrapServers(), out);
            IngestSummary summary;
            try (LocalPipeline pipeline = LocalPipeline.start(config, EventCoder.withDefaultDictionaries(), timeout)) {
                stderr.printf("parley demo: API on http://127.0.0.1:%d/api/stance/dyads%n",
                        pipeline.processor().httpPort());
                try (Ingestor ingestor = new Ingestor(config, new IngestOptions(date, null, IngestOptions.DEFAULT_MAX_BYTES))) {
                    summary = ingestor.ingest(List.of(seeds));
                }
                summary.rejected().forEach(r -> stderr.printf("rejected %s: %s%n", r.origin(), r.reason()));
                pipeline.awaitIdle(timeout);
                printTable(stdout, pipeline.dyads(), EventDates.byDyad(config, timeout));
            }
            stdout.printf("%nIngested %d article(s) (%d duplicate, %d rejected) in %.1f s. Events: %s  Stance: %s%n",
                    summary.published(), summary.duplicates(), summary.rejected().size(),
                    (System.nanoTime() - started) / 1e9, out.resolve("events.jsonl"), out.resolve("stance"));
            stdout.flush();
            return summary.anyRejected() ? 2 : 0;
        } finally {
            deleteTree(work);
        }
    }

    static void printTable(PrintWriter out, List<DyadStance> dyads,
                           Map<String, java.util.SortedSet<String>> datedBy) {
        new StanceTable(ActorNames.shipped()).print(out, dyads, datedBy);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary directory; the OS cleans up what is left
        }
    }
}
