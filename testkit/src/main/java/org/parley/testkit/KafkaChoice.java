package org.parley.testkit;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Which Kafka the test JVM gets: a Testcontainers broker where a Docker engine answers, the embedded one otherwise. */
public enum KafkaChoice {
    EMBEDDED,
    CONTAINER;

    /** System property that forces the choice: {@code embedded} or {@code container}; unset or {@code auto} decides. */
    public static final String PROPERTY = "parley.kafka";

    /**
     * Decides which Kafka to use.
     *
     * @param forced          value of {@link #PROPERTY}, or null
     * @param dockerAvailable asked only when nothing is forced (asking Docker takes about a second)
     */
    public static KafkaChoice choose(String forced, BooleanSupplier dockerAvailable) {
        String v = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "embedded":
                return EMBEDDED;
            case "container":
                return CONTAINER;
            case "":
            case "auto":
                return dockerAvailable.getAsBoolean() ? CONTAINER : EMBEDDED;
            default:
                throw new IllegalArgumentException(
                        "system property " + PROPERTY + " must be embedded, container or auto, got '" + forced + "'");
        }
    }
}
