package org.parley.cli;

import java.nio.file.Path;
import org.parley.sink.SinkSettings;
import picocli.CommandLine.Option;

/** Where the sink writes, for {@code sink}, {@code run} and {@code demo}. */
public final class OutOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "where the sink writes events.jsonl and stance/ (default: $PARLEY_OUT_DIR or out)")
    Path out;

    /** {@code base} with --out applied on top. */
    SinkSettings applyTo(SinkSettings base) {
        return out == null ? base : base.withOutDir(out);
    }
}
