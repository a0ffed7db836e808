package org.parley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.contracts.KafkaSettings;
import org.parley.ingest.publish.PublishException;

class IngestorTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void unreachableKafkaFailsWithinTheBlockTimeoutNamingTheBroker() throws IOException {
        // Nothing listens on port 1; a short max.block.ms from the client file keeps the test quick.
        Path client = Files.writeString(dir.resolve("client.properties"), "max.block.ms=1500\n");
        KafkaSettings config = KafkaSettings.defaults().withBootstrapServers("127.0.0.1:1").withClientProperties(client);
        Path article = Files.writeString(dir.resolve("a.txt"),
                "The foreign ministers met in Geneva on Tuesday and agreed to resume talks.");

        long start = System.nanoTime();
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults())) {
            assertThatThrownBy(() -> ingestor.ingest(List.of(article)))
                    .isInstanceOf(PublishException.class)
                    .hasMessageContaining("127.0.0.1:1")
                    .hasMessageContaining("parley.articles");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void summaryLineCountsEachKind() {
        IngestSummary summary = new IngestSummary(3, 1, List.of(new Rejection("a.txt", "empty file")));

        assertThat(summary.line()).isEqualTo("published 3, duplicates 1, rejected 1");
        assertThat(summary.anyRejected()).isTrue();
        assertThat(new IngestSummary(0, 0, List.of()).anyRejected()).isFalse();
    }

    @Test
    void optionsRejectANonPositiveLimitAndTreatABlankGlobAsNone() {
        assertThat(new IngestOptions(null, " ", 10).glob()).isNull();
        assertThat(IngestOptions.defaults().maxBytes()).isEqualTo(2L * 1024 * 1024);
        assertThatThrownBy(() -> new IngestOptions(null, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
