package org.parley.processor;

import org.parley.testkit.KafkaFixture;

/** The processor's settings for one integration test: the test's Kafka, application id and state directory. */
public final class ProcessorFixture {
    private ProcessorFixture() {
    }

    public static ProcessorSettings settings(KafkaFixture kafka) {
        return ProcessorSettings.of(kafka.config()).withApplicationId(kafka.applicationId())
                .withStateDir(kafka.stateDir());
    }
}
