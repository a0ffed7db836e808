package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Json;
import org.parley.contracts.DeadLetterHeaders;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.stance.StanceSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/** The processor over a real broker: exactly-once output, dead letters with headers, and its HTTP API. */
@WithKafka
class ProcessorIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void codesArticlesDeadLettersGarbageAndAnswersQueries(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0).withCoderWarmUp(2_000);
        TopicAdmin.ensureTopics(config.kafka());
        var articles = config.topics().articles();

        try (ProcessorApp app = new ProcessorApp(config, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults())) {
            app.start();
            // start() warmed the coder up (asked for above) before the stream threads started, and still reaches
            // RUNNING: /health answers 200 below.
            assertThat(app.coderWarmUp()).isNotNull();
            assertThat(app.coderWarmUp().sentences()).isPositive();
            String base = "http://127.0.0.1:" + app.httpPort();

            Article good = new Article("a1", null, "Russia and the United States held talks in Istanbul.",
                    LocalDate.parse("2025-02-27"), Article.DateSource.METADATA, null, null, null, null, "a1",
                    Instant.now());
            try (var producer = new KafkaProducer<>(config.kafkaProperties(), new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(articles.name(), "bad".getBytes(StandardCharsets.UTF_8),
                        "{not json".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>(articles.name(), "a1".getBytes(StandardCharsets.UTF_8),
                        articles.valueSerde().serializer().serialize(articles.name(), good))).get();
            }

            List<ConsumerRecord<byte[], byte[]>> dead = readCommitted(config, config.topics().deadLetters().name(), 1);
            Map<String, String> headers = new HashMap<>();
            for (Header h : dead.get(0).headers()) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
            assertThat(headers).containsEntry(DeadLetterHeaders.TOPIC, articles.name())
                    .containsEntry(DeadLetterHeaders.OFFSET, "0")
                    .containsKeys(DeadLetterHeaders.EXCEPTION, DeadLetterHeaders.MESSAGE, DeadLetterHeaders.PARTITION);
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");

            List<ConsumerRecord<byte[], byte[]>> events = readCommitted(config, config.topics().events().name(), 2);
            assertThat(events).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                    .contains("\"articleId\":\"a1\""));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get(base + "/health").statusCode()).isEqualTo(200));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode dyads = Json.mapper().readTree(get(base + "/api/stance/dyads?country=RUS").body());
                List<String> keys = new ArrayList<>();
                dyads.forEach(d -> keys.add(d.get("source").asText() + "->" + d.get("target").asText()));
                assertThat(keys).contains("RUS->USA", "USA->RUS");
            });
            HttpResponse<String> one = get(base + "/api/stance/dyads/rus/usa");
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(one.body()).get("events").asLong()).isPositive();
            assertThat(get(base + "/api/stance/dyads/RUS/XXX").statusCode()).isEqualTo(404);
            assertThat(get(base + "/api/stance/dyads?sort=nonsense").statusCode()).isEqualTo(400);
            assertThat(Json.mapper().readTree(get(base + "/api/stance/countries/USA").body())
                    .get("net").has("RUS")).isTrue();
            String metrics = get(base + "/metrics").body();
            assertThat(metrics).contains("parley_articles_total", "kafka_stream");
            assertThat(metrics).containsPattern("parley_dead_letters_total\\{stage=\"deserialization\"\\} 1\\.0");

            JsonNode rusEvents = Json.mapper().readTree(get(base + "/api/events?country=rus&since=2025-02-27").body());
            assertThat(rusEvents.size()).isPositive();
            rusEvents.forEach(e -> assertThat(e.get("source").get("code").asText() + e.get("target").get("code")
                    .asText()).contains("RUS"));
            assertThat(Json.mapper().readTree(get(base + "/api/events?country=RUS&since=2025-02-28").body()))
                    .isEmpty();
            assertThat(Json.mapper().readTree(get(base + "/api/events?limit=1").body())).hasSize(1);
            assertThat(get(base + "/api/events?since=yesterday").statusCode()).isEqualTo(400);

            // No cap on the list: a large limit returns every dyad.
            JsonNode everything = Json.mapper().readTree(get(base + "/api/stance/dyads?limit=2000000000").body());
            JsonNode firstOnly = Json.mapper().readTree(get(base + "/api/stance/dyads?limit=1").body());
            assertThat(everything.size()).isGreaterThanOrEqualTo(2);
            assertThat(firstOnly).hasSize(1);
            assertThat(get(base + "/api/stance/dyads?limit=0").statusCode()).isEqualTo(400);

            // The daily series holds the event's day, read from the dyad@day store.
            JsonNode days = Json.mapper().readTree(get(base + "/api/stance/daily/RUS/USA?from=2025-02-01&to=2025-03-01")
                    .body());
            assertThat(days).hasSize(1);
            assertThat(days.get(0).get("date").asText()).isEqualTo("2025-02-27");
            assertThat(days.get(0).get("stance").get("events").asLong()).isPositive();
            assertThat(Json.mapper().readTree(get(base + "/api/stance/daily/RUS/USA?from=2025-03-01").body()))
                    .isEmpty();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(ProcessorSettings config, String topic, int atLeast) {
        Properties p = config.kafkaProperties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= atLeast;
            });
        }
        return out;
    }
}
