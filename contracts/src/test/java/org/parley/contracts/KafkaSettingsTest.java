package org.parley.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class KafkaSettingsTest {
    static final List<String> KEYS = List.of(KafkaSettings.BOOTSTRAP_SERVERS, KafkaSettings.TOPIC_PREFIX,
            KafkaSettings.PARTITIONS, KafkaSettings.REPLICATION, KafkaSettings.CLIENT_PROPERTIES);

    @TempDir
    Path dir;

    /** Every variable must change the settings: a key that is declared but not read fails here. */
    @ParameterizedTest
    @FieldSource("KEYS")
    void everyVariableIsRead(String key) throws Exception {
        Path props = Files.writeString(dir.resolve("client.properties"), "security.protocol=SSL\n");
        String value = switch (key) {
            case KafkaSettings.PARTITIONS, KafkaSettings.REPLICATION -> "7";
            case KafkaSettings.CLIENT_PROPERTIES -> props.toString();
            default -> "x-" + key.toLowerCase();
        };
        assertThat(KafkaSettings.fromEnv(ParleyEnv.of(Map.of(key, value)))).isNotEqualTo(KafkaSettings.defaults());
    }

    @Test
    void clientPropertiesFileAddsSettingsButBootstrapComesFromTheSettings() throws Exception {
        Path props = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SASL_SSL\nbootstrap.servers=elsewhere:1\n");
        var kafka = KafkaSettings.fromEnv(ParleyEnv.of(Map.of(KafkaSettings.CLIENT_PROPERTIES, props.toString(),
                KafkaSettings.BOOTSTRAP_SERVERS, "broker:9092")));
        assertThat(kafka.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "broker:9092");
    }

    @Test
    void theDescriptionForLogsNamesTheClientSettingsButNeverTheirValues() throws Exception {
        Path props = Files.writeString(dir.resolve("client.properties"), "security.protocol=SASL_SSL\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"parley\" password=\"s3cr3t-jaas\";\nssl.truststore.password=s3cr3t-store\n");
        var kafka = KafkaSettings.defaults().withClientProperties(props);
        String described = kafka.describe().toString();
        assertThat(described).contains("sasl.jaas.config", "ssl.truststore.password", "security.protocol",
                props.toString());
        assertThat(described).doesNotContain("s3cr3t", "SASL_SSL", "PlainLoginModule");
    }

    @Test
    void aBadNumberNamesTheVariable() {
        assertThatThrownBy(() -> KafkaSettings.fromEnv(ParleyEnv.of(Map.of(KafkaSettings.PARTITIONS, "three"))))
                .hasMessageContaining(KafkaSettings.PARTITIONS).hasMessageContaining("three");
    }

    @Test
    void blankMeansUnsetAndFlagsAreTrueOrFalse() {
        ParleyEnv env = ParleyEnv.of(Map.of("PARLEY_A", "  ", "PARLEY_B", " TRUE ", "PARLEY_C", "yes"));
        assertThat(env.integer("PARLEY_A", 4)).isEqualTo(4);
        assertThat(env.flag("PARLEY_B", false)).isTrue();
        assertThatThrownBy(() -> env.flag("PARLEY_C", false)).hasMessageContaining("PARLEY_C")
                .hasMessageContaining("yes");
        assertThatThrownBy(() -> ParleyEnv.of(Map.of("PARLEY_D", "0")).positiveInt("PARLEY_D", 1))
                .hasMessageContaining("PARLEY_D must be positive");
    }

    @Test
    void topicNamesShareOnePrefix() {
        Topics t = new Topics("p1");
        assertThat(t.all()).extracting(Topic::name).allMatch(n -> n.startsWith("p1."))
                .contains("p1.articles", "p1.events", "p1.stance.dyad", "p1.stance.country", "p1.dlq");
        assertThat(t.dyadStance().compacted()).isTrue();
        assertThat(t.events().compacted()).isFalse();
        assertThatThrownBy(() -> new Topics("bad prefix")).isInstanceOf(IllegalArgumentException.class);
    }
}
