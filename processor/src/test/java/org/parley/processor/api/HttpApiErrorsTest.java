package org.parley.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.EventCoder;
import org.parley.common.Json;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.ParleyTopology;
import org.parley.processor.StreamsSettings;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.stance.StanceSettings;

/**
 * The HTTP API's answers that need no data, so no broker: /health and the queries before Kafka Streams is RUNNING
 * (503), and the 400s for bad dates, a {@code to} before {@code from}, bad actor codes, limits and sorts, each
 * with its reason. The checks come before any store is touched, so they hold whatever state the processor is in.
 */
class HttpApiErrorsTest {
    private static final ProcessorSettings CONFIG = ProcessorSettings.defaults().withTopicPrefix("t")
            .withBootstrapServers("127.0.0.1:1").withHttp("127.0.0.1", 0);
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpApi api;
    private String base;

    @BeforeEach
    void start() {
        api = new HttpApi(CONFIG, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 4, Optional::empty);
        api.start();
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> r) throws Exception {
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.has("error")).as("error body: %s", r.body()).isTrue();
        return body.get("error").asText();
    }

    @Test
    void healthAndQueriesAre503BeforeTheProcessorRuns(@TempDir Path state) throws Exception {
        HttpResponse<String> notStarted = get("/health");
        assertThat(notStarted.statusCode()).isEqualTo(503);
        assertThat(Json.mapper().readTree(notStarted.body()).get("state").asText()).isEqualTo("NOT_STARTED");
        assertThat(get("/api/stance/dyads").statusCode()).isEqualTo(503);

        ProcessorSettings config = CONFIG.withStateDir(state);
        try (KafkaStreams streams = new KafkaStreams(ParleyTopology.buildTopology(config.topics(),
                EventCoder.withDefaultDictionaries(), StanceSettings.defaults(), PipelineMetrics.NONE, List.of()),
                StreamsSettings.of(config, null))) {
            api.attach(streams);
            HttpResponse<String> created = get("/health");
            assertThat(created.statusCode()).isEqualTo(503);
            assertThat(Json.mapper().readTree(created.body()).get("state").asText()).isEqualTo("CREATED");
            for (String path : List.of("/api/stance/dyads", "/api/stance/dyads/RUS/USA", "/api/stance/countries/RUS",
                    "/api/stance/daily/RUS/USA", "/api/events?country=RUS")) {
                HttpResponse<String> r = get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).hasValue("1");
                assertThat(error(r)).as(path).contains("starting or rebalancing", "CREATED");
            }
        }
    }

    @Test
    void dailyRefusesBadDatesAndAToBeforeTheFrom() throws Exception {
        HttpResponse<String> badFrom = get("/api/stance/daily/RUS/USA?from=2025-13-01");
        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(error(badFrom)).isEqualTo("from must be a date YYYY-MM-DD, got '2025-13-01'");
        HttpResponse<String> badTo = get("/api/stance/daily/RUS/USA?to=yesterday");
        assertThat(badTo.statusCode()).isEqualTo(400);
        assertThat(error(badTo)).isEqualTo("to must be a date YYYY-MM-DD, got 'yesterday'");
        assertThat(get("/api/stance/daily/RUS/USA?from=2025-02-30").statusCode()).isEqualTo(400);
        assertThat(get("/api/stance/daily/RUS/USA?from=2025-03-01T00:00:00Z").statusCode()).isEqualTo(400);
        HttpResponse<String> reversed = get("/api/stance/daily/RUS/USA?from=2025-03-02&to=2025-03-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(error(reversed)).isEqualTo("to is before from");
        // Only the default bound on one side: a to before 1970 is before the default from.
        assertThat(get("/api/stance/daily/RUS/USA?to=1969-12-31").statusCode()).isEqualTo(400);
        // A single day (to equal to from) is allowed: past the checks, the processor is not running yet.
        assertThat(get("/api/stance/daily/RUS/USA?from=2025-03-01&to=2025-03-01").statusCode()).isEqualTo(503);
    }

    @Test
    void badActorCodesAre400Everywhere() throws Exception {
        for (String path : List.of("/api/stance/dyads/R/USA", "/api/stance/dyads/RUS/U%24A",
                "/api/stance/dyads/RUSSIANFED/USA", "/api/stance/countries/!!", "/api/stance/countries/X",
                "/api/stance/daily/RUS/%3F%3F", "/api/stance/daily/R-U/USA")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(error(r)).as(path).startsWith("not an actor code: '");
        }
        // Codes are case-insensitive and trimmed: a good one in lower case gets past the check.
        assertThat(get("/api/stance/countries/rus").statusCode()).isEqualTo(503);
    }

    @Test
    void badQueryParametersAre400WithTheReason() throws Exception {
        HttpResponse<String> sort = get("/api/stance/dyads?sort=loudest");
        assertThat(sort.statusCode()).isEqualTo(400);
        assertThat(error(sort)).isEqualTo("sort must be events, stance, -stance, goldstein or recent");
        assertThat(get("/api/stance/dyads?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/stance/dyads?limit=-3").statusCode()).isEqualTo(400);
        assertThat(get("/api/stance/dyads?limit=ten").statusCode()).isEqualTo(400);
        assertThat(get("/api/events?limit=0").statusCode()).isEqualTo(400);
        HttpResponse<String> since = get("/api/events?since=last-week");
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(error(since)).isEqualTo("since must be a date YYYY-MM-DD or an instant, got 'last-week'");
        assertThat(get("/api/events?since=2025-03-02T25:00:00Z").statusCode()).isEqualTo(400);
    }
}
