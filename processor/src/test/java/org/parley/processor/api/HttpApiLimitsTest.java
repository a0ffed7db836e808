package org.parley.processor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.EventCoder;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.ParleyTopology;
import org.parley.processor.StreamsSettings;
import org.parley.processor.faults.StreamFaults;
import org.parley.processor.live.LiveFeed;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.testing.SseReader;

/** The HTTP API's own bounds, without a broker: SSE filters and client cap, and /health after a thread failure. */
class HttpApiLimitsTest {
    private static final ProcessorSettings CONFIG = ProcessorSettings.defaults().withTopicPrefix("t")
            .withBootstrapServers("127.0.0.1:1").withHttp("127.0.0.1", 0);
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpApi api;

    @BeforeAll
    static void shortKeepAlive() {
        // A closed client is noticed on the next write, so the slot comes back soon.
        System.setProperty("parley.sse.keepalive.ms", "100");
    }

    @AfterAll
    static void restoreKeepAlive() {
        System.clearProperty("parley.sse.keepalive.ms");
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private String start(int maxSseClients, Optional<StreamFaults.Failure> failure) {
        api = new HttpApi(CONFIG, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), maxSseClients,
                () -> failure);
        // Never started: no broker is needed to subscribe to them.
        Properties p = CONFIG.kafkaProperties();
        api.attachFeeds(new LiveFeed("stance", p, Map.of("t.stance.dyad", "dyad"), 10),
                new LiveFeed("events", p, Map.of("t.events", "event"), 10));
        api.start();
        return "http://127.0.0.1:" + api.port();
    }

    private HttpResponse<String> get(String url, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBadStreamFilterIsRefusedWithTheReason() throws Exception {
        String base = start(4, Optional.empty());
        HttpResponse<String> quad = get(base + "/api/stream/events?quad=9", "text/event-stream");
        assertThat(quad.statusCode()).isEqualTo(400);
        assertThat(quad.body()).contains("quad class must be 1..4");
        HttpResponse<String> notNumber = get(base + "/api/stream/events?quad=four", "text/event-stream");
        assertThat(notNumber.statusCode()).isEqualTo(400);
        assertThat(notNumber.body()).contains("quad must be a quad class 1..4, got 'four'");
        HttpResponse<String> country = get(base + "/api/stream/events?country=!!!", "text/event-stream");
        assertThat(country.statusCode()).isEqualTo(400);
        assertThat(country.body()).contains("not an actor code: '!!!'");
        assertThat(get(base + "/api/stream/events?dyad=RUS:%3F%3F", "text/event-stream").statusCode())
                .isEqualTo(400);
        assertThat(get(base + "/api/stream/events?root=33", "text/event-stream").statusCode()).isEqualTo(400);
        assertThat(get(base + "/api/stream/events", "text/html").statusCode()).isEqualTo(406);
    }

    @Test
    void clientsOverTheCapAreAnswered503UntilOneLeaves() throws Exception {
        String base = start(1, Optional.empty());
        try (SseReader first = SseReader.connect(base + "/api/stream/events?country=rus", null)) {
            assertThat(first.status).isEqualTo(200);
            HttpResponse<String> second = get(base + "/api/stream/stance", "text/event-stream");
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(second.body()).contains("at most 1", "PARLEY_MAX_SSE_CLIENTS");
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (SseReader again = SseReader.connect(base + "/api/stream/stance", null)) {
                return again.status == 200;
            }
        });
    }

    @Test
    void healthIsDegradedWhileAStreamThreadFailureIsRecent(@TempDir Path state) throws Exception {
        String base = start(1, Optional.of(new StreamFaults.Failure(Instant.parse("2025-03-10T12:00:00Z"),
                "StreamThread-1", "RecordTooLargeException: too big")));
        ProcessorSettings config = CONFIG.withStateDir(state);
        try (KafkaStreams streams = new KafkaStreams(ParleyTopology.buildTopology(config.topics(),
                EventCoder.withDefaultDictionaries(), StanceSettings.defaults(), PipelineMetrics.NONE, List.of()),
                StreamsSettings.of(config, null))) {
            api.attach(streams);
            HttpResponse<String> health = get(base + "/health", "application/json");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"state\":\"DEGRADED\"", "\"streams\":\"CREATED\"",
                    "RecordTooLargeException: too big", "2025-03-10T12:00:00Z");
        }
    }
}
