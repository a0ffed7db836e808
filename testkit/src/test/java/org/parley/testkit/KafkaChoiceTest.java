package org.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class KafkaChoiceTest {
    private final AtomicInteger dockerAsked = new AtomicInteger();

    private BooleanSupplier docker(boolean available) {
        return () -> {
            dockerAsked.incrementAndGet();
            return available;
        };
    }

    @Test
    void withoutThePropertyDockerDecides() {
        assertThat(KafkaChoice.choose(null, docker(true))).isEqualTo(KafkaChoice.CONTAINER);
        assertThat(KafkaChoice.choose(null, docker(false))).isEqualTo(KafkaChoice.EMBEDDED);
        assertThat(KafkaChoice.choose("", docker(true))).isEqualTo(KafkaChoice.CONTAINER);
        assertThat(KafkaChoice.choose(" auto ", docker(false))).isEqualTo(KafkaChoice.EMBEDDED);
        assertThat(dockerAsked).hasValue(4);
    }

    @Test
    void thePropertyForcesTheChoiceWithoutAskingDocker() {
        assertThat(KafkaChoice.choose("embedded", docker(true))).isEqualTo(KafkaChoice.EMBEDDED);
        assertThat(KafkaChoice.choose("CONTAINER", docker(false))).isEqualTo(KafkaChoice.CONTAINER);
        assertThat(dockerAsked).hasValue(0);
    }

    @Test
    void anUnknownValueIsAClearError() {
        assertThatThrownBy(() -> KafkaChoice.choose("docker", docker(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parley.kafka")
                .hasMessageContaining("'docker'");
    }
}
