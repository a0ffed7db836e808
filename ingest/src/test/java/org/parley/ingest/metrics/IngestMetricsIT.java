package org.parley.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.contracts.metrics.MetricsSettings;
import org.parley.ingest.IngestApp;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.Ingestor;
import org.parley.ingest.http.ArticleServer;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.MetricsScrape;
import org.parley.testkit.WithKafka;

/** A long-running ingest with a metrics port: its counters move as articles come in over a real broker. */
@WithKafka
class IngestMetricsIT {
    private static final String TALKS = "The foreign ministers met in Geneva on Tuesday and agreed to resume talks "
            + "on a prisoner exchange next month.";
    private static final String SANCTIONS = "The European Union extended its sanctions for another six months, "
            + "diplomats in Brussels said on Friday.";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void metricsPortServesPublishedDuplicatesAndDeadLetters(KafkaFixture kafka) throws Exception {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        IngestApp.Settings settings = new IngestApp.Settings(List.of(), null, Duration.ofSeconds(1), List.of(),
                Duration.ofMinutes(5), IngestOptions.DEFAULT_MAX_BYTES, "127.0.0.1", 0, 1 << 20,
                new MetricsSettings("127.0.0.1", 0));
        List<String> status = new ArrayList<>();
        int port;
        try (Ingestor ingestor = new Ingestor(config, new IngestOptions(null, null, IngestOptions.DEFAULT_MAX_BYTES));
             IngestApp app = new IngestApp(ingestor, settings, (o, s) -> { }, status::add).start()) {
            port = app.metricsPort();
            assertThat(status).contains("metrics on http://127.0.0.1:" + port + "/metrics");
            MetricsScrape idle = MetricsScrape.of(port);
            assertThat(idle.value("parley_ingest_articles_published_total")).isZero();
            assertThat(idle.value("parley_ingest_kafka_down")).isZero();
            assertThat(idle.has("jvm_memory_used_bytes")).isTrue();

            post(app.httpPort(), "[{\"text\": \"" + TALKS + "\"}, {\"text\": \"" + SANCTIONS + "\"}]");
            post(app.httpPort(), "{\"text\": \"" + TALKS + "\"}");
            post(app.httpPort(), "{\"text\": \"Advertisement\\n\\nSkip to main content\"}");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                MetricsScrape m = MetricsScrape.of(port);
                assertThat(m.value("parley_ingest_articles_published_total")).isEqualTo(2);
                assertThat(m.value("parley_ingest_duplicates_skipped_total")).isEqualTo(1);
                assertThat(m.value("parley_ingest_dead_letters_total")).isEqualTo(1);
            });
        }
        assertThatThrownBy(() -> MetricsScrape.of(port)).as("closed with the app")
                .isInstanceOf(UncheckedIOException.class);
    }

    private void post(int port, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + ArticleServer.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }
}
