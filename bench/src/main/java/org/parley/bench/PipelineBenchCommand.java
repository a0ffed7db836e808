package org.parley.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.coder.EventCoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley bench pipeline}: see {@link PipelineBenchmark}. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"On an embedded broker: end-to-end latency of the processor at a fixed article rate, then "
                + "throughput of a pass-through Streams app and of the whole processor over the same articles.",
            "The last line printed holds every figure (key=value)."})
public final class PipelineBenchCommand implements Callable<Integer> {
    @Option(names = "--articles", paramLabel = "N", defaultValue = "2000",
            description = "articles of the throughput phase (default: ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "20",
            description = "articles/s offered in the latency phase (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30",
            description = "length of the latency phase (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "5",
            description = "first seconds of the latency phase, also reported apart (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "3",
            description = "partitions of every topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Mixin
    SeedOption corpus;

    @Option(names = "--warm-jvm", paramLabel = "N", defaultValue = "0",
            description = "first push N other articles through both apps, so that every phase runs in a JVM whose "
                    + "JIT compiler has already compiled the hot code; 0 measures a cold JVM "
                    + "(default: ${DEFAULT-VALUE})")
    int warmJvm;

    @Option(names = "--stream-threads", paramLabel = "T", defaultValue = "1",
            description = "Kafka Streams threads of both apps (num.stream.threads; default: ${DEFAULT-VALUE})")
    int streamThreads;

    @Option(names = "--client-property", paramLabel = "KEY=VALUE",
            description = "a Kafka client property for both apps, as in the client properties file, e.g. "
                    + "commit.interval.ms=50 (repeatable)")
    java.util.Map<String, String> clientProperties = new java.util.LinkedHashMap<>();

    @Option(names = "--jfr", paramLabel = "FILE",
            description = "write a JFR profile (settings 'profile') of the throughput phase of the processor")
    Path jfr;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (articles <= 0 || rate <= 0 || seconds <= 0 || warmup < 0 || warmup >= seconds || partitions <= 0
                || warmJvm < 0 || streamThreads <= 0) {
            err.println("parley bench pipeline: --articles, --rate, --seconds, --partitions and --stream-threads "
                    + "must be "
                    + "positive, "
                    + "--warmup in [0, seconds) and --warm-jvm at least 0");
            return 2;
        }
        PipelineBenchmark.Settings settings = new PipelineBenchmark.Settings(articles, rate, seconds, warmup,
                corpus.seed, partitions, jfr, warmJvm, streamThreads, clientProperties);
        PipelineBenchmark.Result result = new PipelineBenchmark(settings, EventCoder.withDefaultDictionaries(), out)
                .run();
        out.println(result.line());
        out.flush();
        return 0;
    }
}
