package org.parley.sink;

import org.parley.testkit.KafkaFixture;

/** The sink's settings for one integration test: the test's Kafka and output directory. */
public final class SinkFixture {
    private SinkFixture() {
    }

    public static SinkSettings settings(KafkaFixture kafka) {
        return SinkSettings.of(kafka.config(), kafka.outDir());
    }
}
