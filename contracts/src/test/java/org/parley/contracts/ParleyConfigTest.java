package org.parley.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ParleyConfigTest {
    static final java.util.List<String> KEYS = ParleyConfig.ENV_KEYS;

    @TempDir
    Path dir;

    /** Every listed variable must change the configuration: a key that is listed but not read fails here. */
    @ParameterizedTest
    @FieldSource("KEYS")
    void everyListedVariableIsRead(String key) throws Exception {
        Path props = Files.writeString(dir.resolve("client.properties"), "security.protocol=SSL\n");
        String value = switch (key) {
            case ParleyConfig.PARTITIONS, ParleyConfig.REPLICATION, ParleyConfig.HTTP_PORT,
                 ParleyConfig.STANDBY_REPLICAS -> "7";
            case ParleyConfig.CLIENT_PROPERTIES, ParleyConfig.HTTP_TOKEN_FILE -> props.toString();
            default -> "x-" + key.toLowerCase();
        };
        assertThat(ParleyConfig.fromEnv(Map.of(key, value))).isNotEqualTo(ParleyConfig.defaults());
    }

    @Test
    void clientPropertiesFileAddsSettingsButBootstrapComesFromConfig() throws Exception {
        Path props = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SASL_SSL\nbootstrap.servers=elsewhere:1\n");
        var config = ParleyConfig.fromEnv(Map.of(ParleyConfig.CLIENT_PROPERTIES, props.toString(),
                ParleyConfig.BOOTSTRAP_SERVERS, "broker:9092"));
        assertThat(config.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "broker:9092");
    }

    @Test
    void theDescriptionForLogsNamesTheClientSettingsButNeverTheirValues() throws Exception {
        Path props = Files.writeString(dir.resolve("client.properties"), "security.protocol=SASL_SSL\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"parley\" password=\"s3cr3t-jaas\";\nssl.truststore.password=s3cr3t-store\n");
        var config = ParleyConfig.fromEnv(Map.of(ParleyConfig.CLIENT_PROPERTIES, props.toString(),
                ParleyConfig.STANDBY_REPLICAS, "1"));
        String described = config.describe().toString();
        assertThat(described).contains("sasl.jaas.config", "ssl.truststore.password", "security.protocol",
                props.toString(), "standbyReplicas=1");
        assertThat(described).doesNotContain("s3cr3t", "SASL_SSL", "PlainLoginModule");
    }

    @Test
    void theHttpTokenIsReadFromItsFileAndNeverDescribed() throws Exception {
        Path file = Files.writeString(dir.resolve("http-token"), "  tok-3f9a2c\n");
        var config = ParleyConfig.fromEnv(Map.of(ParleyConfig.HTTP_TOKEN_FILE, file.toString()));
        assertThat(config.httpToken()).contains("tok-3f9a2c");
        assertThat(config.describe().toString()).contains(file.toString()).doesNotContain("tok-3f9a2c");
        assertThat(config.toString()).doesNotContain("tok-3f9a2c");
        assertThat(ParleyConfig.defaults().httpToken()).isEmpty();
        Path empty = Files.writeString(dir.resolve("empty-token"), "\n");
        assertThatThrownBy(() -> config.withHttpTokenFile(empty).httpToken())
                .hasMessageContaining(empty.toString()).hasMessageContaining("empty");
    }

    @Test
    void standbyReplicasDefaultToNone() {
        assertThat(ParleyConfig.defaults().standbyReplicas()).isZero();
        assertThat(ParleyConfig.defaults().withStandbyReplicas(2).standbyReplicas()).isEqualTo(2);
    }

    @Test
    void aBadNumberNamesTheVariable() {
        assertThatThrownBy(() -> ParleyConfig.fromEnv(Map.of(ParleyConfig.PARTITIONS, "three")))
                .hasMessageContaining(ParleyConfig.PARTITIONS).hasMessageContaining("three");
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
