package org.parley.bench;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.parley.coder.EventCoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley bench coder}: see {@link CoderThroughput}. */
@Command(name = "coder", mixinStandardHelpOptions = true,
        description = {"Code the synthetic corpus on one thread, in this process, and report sentences/s.",
            "A quick figure; the JMH benchmark in bench/ is the careful one. The last line holds the figures."})
public final class CoderBenchCommand implements Callable<Integer> {
    @Option(names = "--articles", paramLabel = "N", defaultValue = "3000",
            description = "articles in the timed pass (default: ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
            description = "other articles coded first, untimed (default: ${DEFAULT-VALUE})")
    int warmup;

    @Mixin
    SeedOption corpus;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (articles <= 0 || warmup < 0) {
            spec.commandLine().getErr().println("parley bench coder: --articles must be positive, --warmup not "
                    + "negative");
            return 2;
        }
        out.println(CoderThroughput.run(EventCoder.withDefaultDictionaries(), corpus.seed, articles, warmup).line());
        out.flush();
        return 0;
    }
}
