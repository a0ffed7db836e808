package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Json;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.stance.StanceTopology;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * Two processor instances of one application on two partitions: each answers for keys the other owns (it relays
 * the request), and list endpoints merge both instances' partitions.
 */
@WithKafka
class MultiInstanceIT {
    private static final List<String> TEXTS = List.of(
            "Russia and the United States held talks in Istanbul.",
            "France and Germany signed an agreement in Paris.",
            "China criticized Japan over the islands.",
            "India and Pakistan held talks in Geneva.",
            "Turkey and Iran signed an agreement on gas.",
            "Brazil praised Argentina for the trade deal.");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyInstanceAnswersForEveryKey(KafkaFixture kafka) throws Exception {
        ProcessorSettings base = ProcessorFixture.settings(kafka).withPartitions(2, (short) 1).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(base.kafka());
        Path root = kafka.tempDir();
        ProcessorSettings c1 = base.withStateDir(root.resolve("state-1"));
        ProcessorSettings c2 = base.withStateDir(root.resolve("state-2"));
        try (ProcessorApp a = new ProcessorApp(c1, EventCoder.withDefaultDictionaries(), StanceSettings.defaults()).start();
             ProcessorApp b = new ProcessorApp(c2, EventCoder.withDefaultDictionaries(), StanceSettings.defaults()).start()) {
            assertThat(a.httpPort()).isNotEqualTo(b.httpPort());
            try (var producer = new KafkaProducer<>(base.kafkaProperties(),
                    base.topics().articles().keySerde().serializer(), base.topics().articles().valueSerde()
                            .serializer())) {
                for (int i = 0; i < TEXTS.size(); i++) {
                    Article art = new Article("m" + i, null, TEXTS.get(i), LocalDate.parse("2025-02-27"),
                            Article.DateSource.METADATA, null, null, null, null, "m" + i, Instant.now());
                    producer.send(new ProducerRecord<>(base.topics().articles().name(), art.id(), art)).get();
                }
            }
            String urlA = "http://127.0.0.1:" + a.httpPort();
            String urlB = "http://127.0.0.1:" + b.httpPort();

            // Both instances run and share the dyad store's partitions.
            await().atMost(Duration.ofSeconds(120)).until(() -> a.state() == KafkaStreams.State.RUNNING
                    && b.state() == KafkaStreams.State.RUNNING
                    && a.streams().streamsMetadataForStore(StanceTopology.DYAD_STANCE_STORE).size() == 2
                    && b.streams().streamsMetadataForStore(StanceTopology.DYAD_STANCE_STORE).size() == 2);

            // Every dyad shows up in the list of either instance (the list merges both).
            Set<String> fromA = new TreeSet<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                fromA.clear();
                fromA.addAll(dyadKeys(get(urlA + "/api/stance/dyads?limit=1000000")));
                Set<String> fromB = dyadKeys(get(urlB + "/api/stance/dyads?limit=1000000"));
                assertThat(fromA).contains("RUS->USA", "USA->RUS").hasSizeGreaterThanOrEqualTo(6);
                assertThat(fromB).isEqualTo(fromA);
            });

            // Each instance answers for every dyad, its own and (relayed) the other's: awaited as a whole, since a
            // request may still meet the end of a rebalance.
            int[] owned = new int[2];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                owned[0] = 0;
                owned[1] = 0;
                for (String key : fromA) {
                    KeyQueryMetadata md = a.streams().queryMetadataForKey(StanceTopology.DYAD_STANCE_STORE, key,
                            Serdes.String().serializer());
                    owned[md.activeHost().port() == a.httpPort() ? 0 : 1]++;
                    String path = "/api/stance/dyads/" + key.replace("->", "/");
                    HttpResponse<String> ra = get(urlA + path);
                    HttpResponse<String> rb = get(urlB + path);
                    assertThat(ra.statusCode()).as("A answers " + key + ": " + ra.body()).isEqualTo(200);
                    assertThat(rb.statusCode()).as("B answers " + key + ": " + rb.body()).isEqualTo(200);
                    assertThat(Json.mapper().readTree(ra.body())).isEqualTo(Json.mapper().readTree(rb.body()));
                }
            });
            assertThat(owned[0]).as("dyads owned by A").isPositive();
            assertThat(owned[1]).as("dyads owned by B").isPositive();

            // Countries are relayed the same way (their store fills through another repartition topic and rows
            // are published on a schedule, so they may trail the dyads a little). A country's recent events are
            // in every partition: each instance merges its own with the other's.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String code : List.of("RUS", "USA", "FRA", "CHN", "JPN")) {
                    HttpResponse<String> ca = get(urlA + "/api/stance/countries/" + code);
                    HttpResponse<String> cb = get(urlB + "/api/stance/countries/" + code);
                    assertThat(ca.statusCode()).as("country " + code + " from A").isEqualTo(200);
                    assertThat(cb.statusCode()).as("country " + code + " from B").isEqualTo(200);
                    assertThat(Json.mapper().readTree(ca.body())).isEqualTo(Json.mapper().readTree(cb.body()));
                    HttpResponse<String> ra = get(urlA + "/api/events?country=" + code);
                    HttpResponse<String> rb = get(urlB + "/api/events?country=" + code);
                    assertThat(ra.statusCode()).as("events of " + code + " from A: " + ra.body()).isEqualTo(200);
                    assertThat(rb.statusCode()).as("events of " + code + " from B: " + rb.body()).isEqualTo(200);
                    JsonNode ea = Json.mapper().readTree(ra.body());
                    JsonNode eb = Json.mapper().readTree(rb.body());
                    assertThat(ea.size()).as("events of " + code).isPositive();
                    assertThat(ea).isEqualTo(eb);
                }
            });
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> r = get(urlB + "/api/events?limit=1000");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                Set<String> articles = new TreeSet<>();
                Json.mapper().readTree(r.body()).forEach(e -> articles.add(e.get("articleId").asText()));
                assertThat(articles).contains("m0", "m1", "m2");
            });
        }
    }

    private static Set<String> dyadKeys(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        Set<String> keys = new TreeSet<>();
        for (JsonNode d : Json.mapper().readTree(r.body())) {
            keys.add(d.get("source").asText() + "->" + d.get("target").asText());
        }
        return keys;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
