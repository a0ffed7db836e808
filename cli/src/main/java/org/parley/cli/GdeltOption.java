package org.parley.cli;

import org.parley.sink.SinkSettings;
import picocli.CommandLine.Option;

/** Whether the sink also writes the GDELT export, for {@code sink}, {@code run} and {@code demo}. */
public final class GdeltOption {
    @Option(names = "--gdelt", negatable = true, description = "also write each event as a GDELT 2.0 event row to "
            + "OUT/gdelt/events-YYYYMMDD.export.CSV (default: $PARLEY_SINK_GDELT or false; see docs/gdelt.md)")
    Boolean gdelt;

    /** {@code base} with --gdelt / --no-gdelt applied on top of what the environment said. */
    SinkSettings applyTo(SinkSettings base) {
        return gdelt == null ? base : base.withOptions(base.options().withGdelt(gdelt));
    }
}
