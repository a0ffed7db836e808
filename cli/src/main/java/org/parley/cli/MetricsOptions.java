package org.parley.cli;

import org.parley.contracts.metrics.MetricsSettings;
import picocli.CommandLine.Option;

/** Where the standalone {@code ingest} and {@code sink} serve {@code /metrics}, on top of the environment. */
public final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "N",
            description = "serve Prometheus metrics on http://BIND:N/metrics; 0 picks a free port "
                    + "(default: $PARLEY_INGEST_METRICS_PORT / $PARLEY_SINK_METRICS_PORT, else none)")
    Integer port;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS",
            description = "address --metrics-port listens on (default: $PARLEY_METRICS_BIND or 127.0.0.1)")
    String bind;

    /** {@code base} with the options given applied on top; throws {@link IllegalArgumentException} on a bad port. */
    MetricsSettings applyTo(MetricsSettings base) {
        return base.with(bind, port);
    }

    /** Whether --metrics-port or --metrics-bind was given. */
    boolean given() {
        return port != null || bind != null;
    }
}
