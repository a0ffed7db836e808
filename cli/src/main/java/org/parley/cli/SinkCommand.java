package org.parley.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parley.contracts.ParleyEnv;
import org.parley.sink.SinkApp;
import org.parley.sink.SinkException;
import org.parley.sink.SinkOptions;
import org.parley.sink.SinkSettings;
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

    @Mixin
    OutOptions out;

    @Option(names = "--rotate", paramLabel = "none|daily|size",
            description = "when to rotate events.jsonl (default: $PARLEY_SINK_ROTATE or daily)")
    String rotate;

    @Option(names = "--rotate-bytes", paramLabel = "BYTES",
            description = "size at which --rotate size rotates (default: $PARLEY_SINK_ROTATE_BYTES or 268435456)")
    Long rotateBytes;

    @Option(names = "--gzip", negatable = true, description = "gzip rotated event files (default: $PARLEY_SINK_GZIP "
            + "or false)")
    Boolean gzip;

    @Mixin
    GdeltOption gdelt;

    @Mixin
    MetricsOptions metrics;

    /** The environment's options with the command line's on top. */
    private SinkOptions options(SinkOptions o) {
        o = o.withRotation(rotate == null ? o.rotation() : SinkOptions.rotation(rotate),
                rotateBytes == null ? o.maxBytes() : rotateBytes);
        return gzip == null ? o : o.withGzip(gzip);
    }

    @Override
    public Integer call() {
        SinkSettings settings;
        try {
            settings = SinkSettings.fromEnv(ParleyEnv.system());
            settings = gdelt.applyTo(out.applyTo(settings.withOptions(options(settings.options()))));
            settings = settings.withMetrics(metrics.applyTo(settings.metrics()));
        } catch (IllegalArgumentException e) {
            System.err.println("parley sink: " + e.getMessage());
            return 2;
        }
        settings = settings.withKafka(kafka.connect(settings.kafka()));
        var t = settings.topics();
        System.err.printf("sink writing %s, %s, %s and %s to %s%s%n", t.events().name(), t.dyadStance().name(),
                t.countryStance().name(), t.dailyStance().name(), settings.outDir().toAbsolutePath().normalize(),
                settings.options().gdelt() ? " (with the GDELT export)" : "");
        return new Foreground("sink").run(session(new SinkApp(settings)), null);
    }

    /** Runs until a signal or until the sink stops by itself (a fatal error: exit code 1, the error on stderr). */
    private static Foreground.Session session(SinkApp sink) {
        return new Foreground.Session() {
            @Override
            public void start() {
                try {
                    sink.start(); // logs where its /metrics is, if anywhere
                } catch (SinkException e) {
                    // its output folder cannot be written or is taken: close() reports it
                }
            }

            @Override
            public void await(CountDownLatch stop) throws InterruptedException {
                while (sink.isRunning() && !stop.await(200, TimeUnit.MILLISECONDS)) {
                    // the sink's own thread does the work
                }
            }

            @Override
            public int close() {
                sink.close();
                String error = sink.stats().lastError();
                if (error != null) {
                    System.err.println("parley sink: " + error);
                    return 1;
                }
                return 0;
            }
        };
    }
}
