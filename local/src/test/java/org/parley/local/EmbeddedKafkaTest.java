package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {
    private final Path dir = Path.of("/tmp/parley-kafka-unit");

    @Test
    void serverPropertiesAreAValidSingleNodeKraftConfigOnLoopbackOnly() {
        Properties props = EmbeddedKafka.builder().dataDir(dir).testTuning(true).build().serverProperties(19092, 19093);
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(props.getProperty("log.dirs")).isEqualTo(dir.toAbsolutePath().toString());
        // The broker session must outlive a few heartbeats, or the node would fence itself.
        assertThat(config.brokerSessionTimeoutMs()).isGreaterThan(4 * config.brokerHeartbeatIntervalMs());
    }

    @Test
    void testTuningOnlyAddsSettings() {
        Properties plain = EmbeddedKafka.builder().dataDir(dir).build().serverProperties(1, 2);
        Properties tuned = EmbeddedKafka.builder().dataDir(dir).testTuning(true).build().serverProperties(1, 2);
        assertThat(tuned).containsAllEntriesOf(plain);
        assertThat(tuned.size()).isGreaterThan(plain.size());
        KafkaConfig.fromProps(plain, false);
    }

    @Test
    void aPortOutOfRangeIsRejected() {
        assertThatThrownBy(() -> EmbeddedKafka.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }

    @Test
    void bootstrapServersBeforeStartIsAnError() {
        assertThatThrownBy(() -> EmbeddedKafka.builder().build().bootstrapServers())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
    }
}
