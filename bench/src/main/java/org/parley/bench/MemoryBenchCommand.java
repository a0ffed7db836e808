package org.parley.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley bench memory}: see {@link MemoryBenchmark}. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Fill the processor's stance stores with N distinct events on an embedded broker and report "
                + "heap after GC and RocksDB's off-heap memory after each step.",
            "The last line holds every figure."})
public final class MemoryBenchCommand implements Callable<Integer> {
    @Option(names = "--events", paramLabel = "N", defaultValue = "100000",
            description = "distinct events in all (default: ${DEFAULT-VALUE}; the goal speaks of 1000000)")
    int events;

    @Option(names = "--steps", paramLabel = "K", defaultValue = "4",
            description = "measure after each of K equal steps, to show how memory scales (default: ${DEFAULT-VALUE})")
    int steps;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (events <= 0 || steps <= 0 || steps > events || events > 50 * 49 * 365 * 20) {
            spec.commandLine().getErr().println("parley bench memory: --events must be 1.." + 50 * 49 * 365 * 20
                    + " and --steps 1..events");
            return 2;
        }
        List<MemoryBenchmark.Point> points = new MemoryBenchmark(out).run(events, steps);
        MemoryBenchmark.Point last = points.get(points.size() - 1);
        String series = points.stream().map(p -> String.format(java.util.Locale.ROOT, "%d:%.0f", p.events(),
                p.heapDeltaMb())).collect(Collectors.joining(","));
        out.println("bench memory: " + last.keyValues() + " processor_heap_series=" + series + " "
                + Machine.describe());
        out.flush();
        return 0;
    }
}
