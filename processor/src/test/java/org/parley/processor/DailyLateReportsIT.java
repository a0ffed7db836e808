package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.DyadStance;
import org.parley.common.Json;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.stance.StanceSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

/**
 * Late reports over a real broker: daily values live in the {@code dyad-days} store, so an event reported long
 * after its day counts in that day, whatever stream time has reached. Each late report is sent right after an
 * article that moved stream time (the record timestamps) 0, 7, 8 (the old grace's exact boundary: end of the day
 * plus a week) and 401 days (past the old window store's retention) past the day. The HTTP API's daily series and
 * the last value on the daily topic (what the sink writes) hold each late event in its day, and agree.
 */
@WithKafka
class DailyLateReportsIT {
    private static final LocalDate DAY = LocalDate.of(2025, 2, 10);
    /** Days stream time is past {@link #DAY} when each late report arrives, with the dyad it reports on. */
    private static final Map<Integer, String[]> LATE = new TreeMap<>(Map.of(
            0, new String[] {"Russia criticised the United States.", "RUS", "USA"},
            7, new String[] {"France criticised Germany.", "FRA", "DEU"},
            8, new String[] {"China criticised Japan.", "CHN", "JPN"},
            401, new String[] {"India criticised Pakistan.", "IND", "PAK"}));

    private final HttpClient http = HttpClient.newHttpClient();

    private static ProducerRecord<String, Article> at(String topic, String id, String text, LocalDate date,
                                                      LocalDate streamDay) {
        Instant ts = streamDay.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Article a = new Article(id, null, text, date, Article.DateSource.METADATA, null, null, null, null, id, ts);
        return new ProducerRecord<>(topic, null, ts.toEpochMilli(), id, a);
    }

    @Test
    void anEventReportedLongAfterItsDayCountsInItsDayInTheApiAndOnTheTopic(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(config.kafka());
        var articles = config.topics().articles();
        try (ProcessorApp app = new ProcessorApp(config, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start();
             var producer = new KafkaProducer<>(config.kafkaProperties(), articles.keySerde().serializer(),
                     articles.valueSerde().serializer())) {
            for (Map.Entry<Integer, String[]> late : LATE.entrySet()) {
                LocalDate now = DAY.plusDays(late.getKey());
                // Stream time moves to `now` (a happening of that day), then the late report about DAY arrives.
                producer.send(at(articles.name(), "now-" + late.getKey(),
                        "Brazil and Argentina held talks in Brasilia.", now, now)).get();
                producer.send(at(articles.name(), "late-" + late.getKey(), late.getValue()[0], DAY, now)).get();
            }
            String base = "http://127.0.0.1:" + app.httpPort();

            for (Map.Entry<Integer, String[]> late : LATE.entrySet()) {
                String src = late.getValue()[1];
                String tgt = late.getValue()[2];
                String url = base + "/api/stance/daily/" + src + "/" + tgt + "?from=" + DAY.minusDays(1) + "&to="
                        + DAY.plusDays(500);
                JsonNode days = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                        .ignoreExceptions().until(() -> Json.mapper().readTree(get(url).body()), d -> d.size() == 1);
                assertThat(days.get(0).get("date").asText()).as("%d days late", late.getKey())
                        .isEqualTo(DAY.toString());
                JsonNode stance = days.get(0).get("stance");
                assertThat(stance.get("events").asLong()).as("%d days late", late.getKey()).isEqualTo(1);
                assertThat(stance.get("rootCounts").has("11")).as("criticise is CAMEO root 11").isTrue();
            }

            // The daily topic's last value of each late dyad@day is the one the API serves.
            Map<String, DyadStance> published = new TreeMap<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, DyadStance> r : TopicReader.readCommitted(config.kafka(),
                        config.topics().dailyStance())) {
                    published.put(r.key(), r.value());
                }
                for (String[] dyad : LATE.values()) {
                    assertThat(published).containsKey(dyad[1] + "->" + dyad[2] + "@" + DAY);
                }
            });
            for (String[] dyad : LATE.values()) {
                JsonNode served = Json.mapper().readTree(get(base + "/api/stance/daily/" + dyad[1] + "/" + dyad[2])
                        .body()).get(0).get("stance");
                // Through text, as the API's answer went: the same numbers parse to the same node types.
                JsonNode onTopic = Json.mapper().readTree(Json.mapper().writeValueAsString(
                        published.get(dyad[1] + "->" + dyad[2] + "@" + DAY)));
                assertThat(onTopic)
                        .as(dyad[1] + "->" + dyad[2]).isEqualTo(served);
            }
            // The happenings that moved stream time count in their own days.
            assertThat(published).containsKeys("BRA->ARG@" + DAY, "BRA->ARG@" + DAY.plusDays(7),
                    "BRA->ARG@" + DAY.plusDays(8), "BRA->ARG@" + DAY.plusDays(401));
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s: %s", url, r.body()).isEqualTo(200);
        return r;
    }
}
