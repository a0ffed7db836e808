package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.contracts.ParleyConfig;
import org.parley.sink.Sink;
import org.parley.sink.SinkException;
import org.parley.sink.SinkOptions;
import org.parley.sink.events.Rotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley sink}: writes the events and stance topics to files under --out until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Run the sink: write events.jsonl and the stance JSON files under --out, each event once, "
                + "until Ctrl-C or SIGTERM.")
public final class SinkCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: $PARLEY_OUT_DIR or out)")
    Path out;

    @Option(names = "--rotate", paramLabel = "none|daily|size",
            description = "when to rotate events.jsonl (default: $PARLEY_SINK_ROTATE or daily)")
    String rotate;

    @Option(names = "--rotate-bytes", paramLabel = "BYTES",
            description = "size at which --rotate size rotates (default: $PARLEY_SINK_ROTATE_BYTES or 268435456)")
    Long rotateBytes;

    @Option(names = "--gzip", negatable = true, description = "gzip rotated event files (default: $PARLEY_SINK_GZIP "
            + "or false)")
    Boolean gzip;

    @Option(names = "--gdelt", negatable = true, description = "also write each event as a GDELT 2.0 event row to "
            + "gdelt/events-YYYYMMDD.export.CSV (default: $PARLEY_SINK_GDELT or false; see docs/gdelt.md)")
    Boolean gdelt;

    @Override
    public Integer call() {
        ParleyConfig config = kafka.connect();
        if (out != null) {
            config = config.withOutDir(out);
        }
        SinkOptions options;
        try {
            options = SinkOptions.fromEnv();
            Rotation r = rotate == null ? options.rotation() : SinkOptions.rotation(rotate);
            options = options.withRotation(r, rotateBytes == null ? options.maxBytes() : rotateBytes);
            if (gzip != null) {
                options = options.withGzip(gzip);
            }
            if (gdelt != null) {
                options = options.withGdelt(gdelt);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("parley sink: " + e.getMessage());
            return 2;
        }
        System.err.printf("sink writing %s, %s, %s and %s to %s%s%n", config.topics().events().name(),
                config.topics().dyadStance().name(), config.topics().countryStance().name(),
                config.topics().dailyStance().name(), config.outDir().toAbsolutePath().normalize(),
                options.gdelt() ? " (with the GDELT export)" : "");
        try {
            Sink.runForeground(config, options);
        } catch (SinkException e) {
            System.err.println("parley sink: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
