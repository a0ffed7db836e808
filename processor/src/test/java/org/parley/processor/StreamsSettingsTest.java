package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsSettingsTest {
    @TempDir
    Path dir;

    @Test
    void parleysTunablesApplyWhenTheClientPropertiesSayNothing() {
        Properties p = StreamsSettings.of(ProcessorSettings.defaults(), null);
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(StreamsSettings.COMMIT_INTERVAL_MS);
        assertThat(p.get(StreamsConfig.producerPrefix("compression.type"))).isEqualTo("lz4");
    }

    @Test
    void theClientPropertiesTradeLatencyForThroughputButCannotWeakenTheGuarantee() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "commit.interval.ms=20\ncompression.type=zstd\nprocessing.guarantee=at_least_once\n");
        Properties p = StreamsSettings.of(ProcessorSettings.defaults().withClientProperties(file), null);
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("20");
        assertThat(p.get("compression.type")).isEqualTo("zstd");
        assertThat(p).doesNotContainKey(StreamsConfig.producerPrefix("compression.type"));
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }
}
