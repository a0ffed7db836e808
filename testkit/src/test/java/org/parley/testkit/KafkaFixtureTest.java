package org.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaFixtureTest {
    @Test
    void slugKeepsOnlyCharactersLegalInTopicNamesAndIsShort() {
        assertThat(KafkaFixture.slug("producesAndConsumes()")).isEqualTo("producesandconsumes");
        assertThat(KafkaFixture.slug("a_b.c d")).isEqualTo("a-b-c-d");
        assertThat(KafkaFixture.slug("")).isEqualTo("test");
        assertThat(KafkaFixture.slug("x".repeat(100))).hasSize(32);
        assertThat(KafkaFixture.slug("abcdefghijklmnopqrstuvwxyz01234-6789")).doesNotEndWith("-");
    }
}
