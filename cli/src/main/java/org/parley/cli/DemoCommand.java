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
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.pipeline.LocalPipeline;
import org.parley.processor.ProcessorApp;
import org.parley.processor.ProcessorSettings;
import org.parley.sink.SinkSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OutOptions out;

    @Mixin
    GdeltOption gdelt;

    @Mixin
    HttpOptions http;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "give up if processing takes longer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Mixin
    DateOption date;

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
        try (LocalPipeline pipeline = LocalPipeline.withEmbeddedBroker(null)) {
            ParleyEnv env = ParleyEnv.system();
            KafkaSettings kafka = pipeline.kafka(KafkaSettings.fromEnv(env)).withPartitions(1, (short) 1);
            ProcessorSettings processor = http.applyTo(ProcessorSettings.fromEnv(env).withKafka(kafka)
                    .withApplicationId("parley-demo").withStateDir(work.resolve("state")).withHttp("127.0.0.1", 0));
            SinkSettings sink = gdelt.applyTo(out.applyTo(SinkSettings.fromEnv(env).withKafka(kafka)
                    .withOutDir(Path.of("out"))));
            stderr.printf("parley demo: Kafka at %s, writing to %s%n", pipeline.bootstrapServers(), sink.outDir());
            ProcessorApp app = pipeline.startProcessor(processor, EventCoder.withDefaultDictionaries());
            pipeline.startSink(sink);
            pipeline.awaitProcessorRunning(timeout);
            stderr.printf("parley demo: API on http://127.0.0.1:%d/api/stance/dyads%n", app.httpPort());
            IngestSummary summary = pipeline.startIngestor(kafka, new IngestOptions(date.date, null,
                    IngestOptions.DEFAULT_MAX_BYTES)).ingest(List.of(seeds));
            summary.rejected().forEach(r -> stderr.printf("rejected %s: %s%n", r.origin(), r.reason()));
            pipeline.awaitIdle(timeout);
            printTable(stdout, pipeline.dyads(), EventDates.byDyad(kafka, timeout));
            pipeline.stop();
            stdout.printf("%nIngested %d article(s) (%d duplicate, %d rejected) in %.1f s. Events: %s  Stance: %s%s%n",
                    summary.published(), summary.duplicates(), summary.rejected().size(),
                    (System.nanoTime() - started) / 1e9, sink.outDir().resolve("events.jsonl"),
                    sink.outDir().resolve("stance"),
                    sink.options().gdelt() ? "  GDELT: " + sink.outDir().resolve("gdelt") : "");
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
