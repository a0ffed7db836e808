package org.parley.cli;

import java.nio.file.Path;
import org.parley.processor.ProcessorSettings;
import picocli.CommandLine.Option;

/** Where the processor keeps its stores, for {@code process} and {@code run}. */
public final class StateDirOption {
    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Kafka Streams state (default: $PARLEY_STATE_DIR, else .parley/state; run: DATA/state)")
    Path stateDir;

    /**
     * {@code base} with --state-dir, else $PARLEY_STATE_DIR, else {@code fallback}: Kafka Streams' own default is
     * under the OS temp folder, which the OS may clear, and then every store restores.
     */
    ProcessorSettings applyTo(ProcessorSettings base, Path fallback) {
        if (stateDir != null) {
            return base.withStateDir(stateDir);
        }
        return base.stateDir() != null ? base : base.withStateDir(fallback);
    }
}
