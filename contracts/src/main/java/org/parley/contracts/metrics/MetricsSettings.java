package org.parley.contracts.metrics;

import org.parley.contracts.ParleyEnv;

/**
 * Where a standalone part (ingest, sink) serves {@code /metrics}: off unless a port is given.
 *
 * @param bind the address to listen on; loopback unless told otherwise, like every Parley endpoint
 * @param port the port (0: any free one), or null for no endpoint
 */
public record MetricsSettings(String bind, Integer port) {
    public static final String BIND = "PARLEY_METRICS_BIND";
    public static final String DEFAULT_BIND = "127.0.0.1";

    public MetricsSettings {
        bind = bind == null || bind.isBlank() ? DEFAULT_BIND : bind.strip();
        if (port != null && (port < 0 || port > 65_535)) {
            throw new IllegalArgumentException("metrics port must be 0..65535, got " + port);
        }
    }

    /** No endpoint. */
    public static MetricsSettings off() {
        return new MetricsSettings(DEFAULT_BIND, null);
    }

    /** Reads {@value #BIND} and the part's own port variable ({@code portKey}); unset port: off. */
    public static MetricsSettings fromEnv(ParleyEnv env, String portKey) {
        Integer port = env.get(portKey) == null ? null : env.integer(portKey, 0);
        if (port != null && (port < 0 || port > 65_535)) {
            throw new IllegalArgumentException(portKey + " must be 0..65535, got " + port);
        }
        return new MetricsSettings(env.string(BIND, DEFAULT_BIND), port);
    }

    public boolean enabled() {
        return port != null;
    }

    /** These settings with whichever of {@code b} and {@code p} is not null on top. */
    public MetricsSettings with(String b, Integer p) {
        return new MetricsSettings(b != null ? b : bind, p != null ? p : port);
    }
}
