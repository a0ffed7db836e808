package org.parley.processor;

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
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.processor.subscribe.DerivedTopic;

class ProcessorSettingsTest {
    static final List<String> KEYS = List.of(ProcessorSettings.APPLICATION_ID, ProcessorSettings.STATE_DIR,
            ProcessorSettings.HTTP_BIND, ProcessorSettings.HTTP_PORT, ProcessorSettings.HTTP_TOKEN_FILE,
            ProcessorSettings.STANDBY_REPLICAS, ProcessorLimits.MAX_SENTENCES, ProcessorLimits.MAX_EVENTS,
            ProcessorLimits.MAX_VALUE_BYTES, ProcessorLimits.MAX_SSE_CLIENTS, ProcessorLimits.ROCKSDB_MEMORY_MB,
            DerivedTopic.ENV, KafkaSettings.TOPIC_PREFIX);

    @TempDir
    Path dir;

    /** Every variable must change the settings: one that is declared but not read fails here. */
    @ParameterizedTest
    @FieldSource("KEYS")
    void everyVariableIsRead(String key) {
        String value = switch (key) {
            case ProcessorSettings.HTTP_PORT, ProcessorSettings.STANDBY_REPLICAS, ProcessorLimits.MAX_SENTENCES,
                 ProcessorLimits.MAX_EVENTS, ProcessorLimits.MAX_SSE_CLIENTS -> "7";
            case ProcessorLimits.MAX_VALUE_BYTES -> "4096";
            case ProcessorLimits.ROCKSDB_MEMORY_MB -> "32";
            case DerivedTopic.ENV -> "rus=country:RUS";
            default -> "x-" + key.toLowerCase();
        };
        assertThat(ProcessorSettings.fromEnv(ParleyEnv.of(Map.of(key, value))))
                .isNotEqualTo(ProcessorSettings.defaults());
    }

    @Test
    void theHttpTokenIsReadFromItsFileAndNeverDescribed() throws Exception {
        Path file = Files.writeString(dir.resolve("http-token"), "  tok-3f9a2c\n");
        var settings = ProcessorSettings.fromEnv(ParleyEnv.of(Map.of(ProcessorSettings.HTTP_TOKEN_FILE,
                file.toString())));
        assertThat(settings.httpToken()).contains("tok-3f9a2c");
        assertThat(settings.describe().toString()).contains(file.toString()).doesNotContain("tok-3f9a2c");
        assertThat(settings.toString()).doesNotContain("tok-3f9a2c");
        assertThat(ProcessorSettings.defaults().httpToken()).isEmpty();
        Path empty = Files.writeString(dir.resolve("empty-token"), "\n");
        assertThatThrownBy(() -> settings.withHttpTokenFile(empty).httpToken())
                .hasMessageContaining(empty.toString()).hasMessageContaining("empty");
    }

    @Test
    void defaultsAreOneInstanceOnLocalhostWithoutStandbys() {
        ProcessorSettings d = ProcessorSettings.defaults();
        assertThat(d.applicationId()).isEqualTo("parley-processor");
        assertThat(d.httpPort()).isEqualTo(7070);
        assertThat(d.standbyReplicas()).isZero();
        assertThat(d.withStandbyReplicas(2).standbyReplicas()).isEqualTo(2);
        assertThat(d.derived()).isEmpty();
        assertThat(d.limits()).isEqualTo(ProcessorLimits.defaults());
        assertThat(d.coderWarmUpMs()).isEqualTo(ProcessorSettings.DEFAULT_CODER_WARMUP_MS);
    }

    @Test
    void theCoderWarmUpIsASettingOffByDefault() {
        assertThat(ProcessorSettings.defaults().coderWarmUpMs()).isZero();
        var on = ProcessorSettings.fromEnv(ParleyEnv.of(Map.of(ProcessorSettings.CODER_WARMUP_MS, "2000")));
        assertThat(on.coderWarmUpMs()).isEqualTo(2000);
        assertThat(on.withApplicationId("x").withCoderWarmUp(500).withStandbyReplicas(1).coderWarmUpMs())
                .isEqualTo(500);
        assertThatThrownBy(() -> ProcessorSettings.defaults().withCoderWarmUp(-1))
                .hasMessageContaining(ProcessorSettings.CODER_WARMUP_MS);
    }
}
