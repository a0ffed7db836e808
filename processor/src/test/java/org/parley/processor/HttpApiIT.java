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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Json;
import org.parley.contracts.DeadLetterHeaders;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.stance.StanceSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

/**
 * The HTTP API over a real broker and a running processor: every {@code sort} of the dyad list, a country with no
 * events (404), {@code since} as an instant, and an article the topology cannot process (it has no text): it goes
 * to the dead-letter topic with the reason from the processing stage, counted under {@code stage="processing"},
 * while the articles around it are coded. (The 400s and 503s that need no data are in {@code HttpApiErrorsTest}.)
 */
@WithKafka
class HttpApiIT {
    private final HttpClient http = HttpClient.newHttpClient();

    private static Article article(String id, String day, String text) {
        return new Article(id, null, text, LocalDate.parse(day), Article.DateSource.METADATA, null, null, null, null,
                id, Instant.now());
    }

    @Test
    void sortsCountriesSinceAndAProcessingDeadLetter(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(config.kafka());
        var articles = config.topics().articles();
        List<Article> good = List.of(
                article("a1", "2025-03-01", "Russia imposed sanctions on Ukraine."),
                article("a2", "2025-03-02", "Russia threatened Ukraine with military action."),
                article("a3", "2025-03-03", "Russia accused Ukraine of shelling civilians."),
                article("a4", "2025-03-02", "France praised Germany for its leadership."),
                article("a5", "2025-03-05", "China threatened India with military action."),
                article("a6", "2025-03-04", "Japan sent humanitarian aid to Brazil."),
                article("a7", "2025-03-04", "Japan signed a trade agreement with Brazil."));
        byte[] noText = "{\"id\":\"bad-1\",\"date\":\"2025-03-01\",\"dateSource\":\"METADATA\"}"
                .getBytes(StandardCharsets.UTF_8);

        try (ProcessorApp app = new ProcessorApp(config, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start();
             var producer = new KafkaProducer<>(config.kafkaProperties(), new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            String base = "http://127.0.0.1:" + app.httpPort();
            for (int i = 0; i < good.size(); i++) {
                Article a = good.get(i);
                if (i == 3) {
                    producer.send(new ProducerRecord<>(articles.name(), bytes("bad-1"), noText)).get();
                }
                producer.send(new ProducerRecord<>(articles.name(), bytes(a.id()),
                        articles.valueSerde().serializer().serialize(articles.name(), a))).get();
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() ->
                    get(base + "/health").statusCode() == 200 && dyadKeys(list(base + "/api/stance/dyads")).containsAll(
                            List.of("RUS->UKR", "FRA->DEU", "CHN->IND", "JPN->BRA")));

            // The article without text: dead-lettered by the processing stage with the reason, and counted.
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dead.clear();
                dead.addAll(TopicReader.readCommitted(config.kafka(), config.topics().deadLetters().name()));
                return !dead.isEmpty();
            });
            assertThat(dead).hasSize(1);
            Map<String, String> h = headers(dead.get(0));
            assertThat(h).containsEntry(DeadLetterHeaders.TOPIC, articles.name())
                    .containsEntry(DeadLetterHeaders.PARTITION, "0")
                    .containsEntry(DeadLetterHeaders.OFFSET, "3")
                    .containsEntry(DeadLetterHeaders.COMPONENT, "processor")
                    .containsEntry(DeadLetterHeaders.MESSAGE, "processing failed in dedupe-articles: article bad-1 has no text");
            assertThat(h.get(DeadLetterHeaders.EXCEPTION)).contains("IllegalArgumentException");
            assertThat(dead.get(0).key()).isEqualTo(bytes("bad-1"));
            assertThat(dead.get(0).value()).isEqualTo(noText);
            String metrics = get(base + "/metrics").body();
            assertThat(metrics).containsPattern("parley_dead_letters_total\\{stage=\"processing\"\\} 1\\.0");
            assertThat(metrics).doesNotContainPattern("parley_dead_letters_total\\{stage=\"deserialization\"\\} [1-9]");
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);

            // Every sort gives the whole list in its order (ties by dyad key); the orders differ.
            JsonNode byEvents = list(base + "/api/stance/dyads");
            assertThat(byEvents.size()).isGreaterThanOrEqualTo(4);
            Set<String> all = new TreeSet<>(dyadKeys(byEvents));
            Map<String, List<String>> orders = new HashMap<>();
            Map<String, Comparator<JsonNode>> expected = Map.of(
                    "events", Comparator.comparingLong((JsonNode d) -> d.get("events").asLong()).reversed(),
                    "stance", Comparator.comparingDouble(d -> d.get("stance").asDouble()),
                    "-stance", Comparator.comparingDouble((JsonNode d) -> d.get("stance").asDouble()).reversed(),
                    "goldstein", Comparator.comparingDouble(d -> d.get("goldsteinSum").asDouble()),
                    "recent", Comparator.comparing((JsonNode d) -> Instant.parse(d.get("lastEventTime").asText()))
                            .reversed());
            for (Map.Entry<String, Comparator<JsonNode>> e : expected.entrySet()) {
                JsonNode rows = list(base + "/api/stance/dyads?sort=" + e.getKey());
                List<JsonNode> sorted = new ArrayList<>();
                rows.forEach(sorted::add);
                sorted.sort(e.getValue().thenComparing(HttpApiIT::dyadKey));
                assertThat(dyadKeys(rows)).as("sort=%s: %s", e.getKey(), rows).containsExactlyElementsOf(
                        sorted.stream().map(HttpApiIT::dyadKey).toList());
                assertThat(new TreeSet<>(dyadKeys(rows))).as("sort=%s", e.getKey()).isEqualTo(all);
                orders.put(e.getKey(), dyadKeys(rows));
            }
            assertThat(dyadKeys(byEvents)).isEqualTo(orders.get("events"));
            assertThat(orders.get("events").get(0)).isEqualTo("RUS->UKR");
            assertThat(orders.get("stance")).isNotEqualTo(orders.get("-stance"));
            assertThat(orders.get("recent").get(0)).isEqualTo("CHN->IND");
            assertThat(new java.util.HashSet<>(orders.values())).as("distinct orders").hasSizeGreaterThanOrEqualTo(3);
            assertThat(list(base + "/api/stance/dyads?sort=stance&limit=2")).hasSize(2);

            // A country with events is found; one without is 404 with the reason, as is an unknown dyad.
            assertThat(get(base + "/api/stance/countries/ukr").statusCode()).isEqualTo(200);
            HttpResponse<String> none = get(base + "/api/stance/countries/ZZZ");
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(Json.mapper().readTree(none.body()).get("error").asText()).isEqualTo("no events for ZZZ");
            assertThat(get(base + "/api/stance/dyads/UKR/FRA").statusCode()).isEqualTo(404);
            // A daily series of a dyad with no events is an empty list, not a 404.
            assertThat(list(base + "/api/stance/daily/UKR/FRA")).isEmpty();

            // since: a date, or an instant standing for its UTC day (with any offset).
            Function<String, Set<String>> articlesSince = since -> {
                try {
                    Set<String> ids = new TreeSet<>();
                    list(base + "/api/events?since=" + since).forEach(e -> ids.add(e.get("articleId").asText()));
                    return ids;
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            };
            assertThat(articlesSince.apply("")).containsExactly("a1", "a2", "a3", "a4", "a5", "a6", "a7");
            assertThat(articlesSince.apply("2025-03-04")).containsExactly("a5", "a6", "a7");
            assertThat(articlesSince.apply("2025-03-04T18:30:00Z")).containsExactly("a5", "a6", "a7");
            assertThat(articlesSince.apply("2025-03-05T00:00:00Z")).containsExactly("a5");
            assertThat(articlesSince.apply("2025-03-05T01:00:00%2B02:00")).as("23:00 UTC on the 4th")
                    .containsExactly("a5", "a6", "a7");
            assertThat(articlesSince.apply("2025-03-06T00:00:00.000000001Z")).isEmpty();
            eventsTakeTheStreamsFilters(base);
            jvmMetricsAndAStreamForCurl(base);
            moversFromTheDailyValues(base);
        }
    }

    /**
     * /api/stance/movers ranks dyads by the change of their summed daily values between the last window and the
     * one before: the same figures /api/stance/daily gives, computed here from that endpoint.
     */
    private void moversFromTheDailyValues(String base) throws Exception {
        Map<String, List<JsonNode>> daily = new java.util.TreeMap<>();
        for (String k : dyadKeys(list(base + "/api/stance/dyads?limit=1000"))) {
            List<JsonNode> days = new ArrayList<>();
            list(base + "/api/stance/daily/" + k.replace("->", "/")).forEach(days::add);
            daily.put(k, days);
        }
        // Latest day with events: 2025-03-05 (CHN->IND).
        JsonNode day = list(base + "/api/stance/movers?window=day");
        assertThat(day.get("to").asText()).isEqualTo("2025-03-05");
        assertThat(day.get("from").asText()).isEqualTo("2025-03-05");
        assertThat(day.get("previousFrom").asText()).isEqualTo("2025-03-04");
        assertThat(day.get("previousTo").asText()).isEqualTo("2025-03-04");
        assertThat(movers(day)).isEqualTo(expectedMovers(daily, "2025-03-05", "2025-03-04", "2025-03-04", 10))
                .contains("CHN->IND").doesNotContain("RUS->UKR", "FRA->DEU");
        JsonNode week = list(base + "/api/stance/movers");
        assertThat(week.get("window").asText()).isEqualTo("week");
        assertThat(week.get("from").asText()).isEqualTo("2025-02-27");
        assertThat(movers(week)).isEqualTo(expectedMovers(daily, "2025-02-27", "2025-02-20", "2025-02-26", 10))
                .contains("RUS->UKR", "FRA->DEU", "CHN->IND", "JPN->BRA");
        JsonNode rus = week.get("movers").get(movers(week).indexOf("RUS->UKR"));
        assertThat(rus.at("/current/events").asLong()).isEqualTo(3);
        assertThat(rus.at("/previous/events").asLong()).isZero();
        assertThat(rus.get("change").asDouble()).isEqualTo(rus.at("/current/stance").asDouble()).isNegative();
        // As of a given day: 2025-03-02 against 2025-03-01.
        JsonNode asOf = list(base + "/api/stance/movers?window=day&date=2025-03-02&limit=2");
        assertThat(movers(asOf)).isEqualTo(expectedMovers(daily, "2025-03-02", "2025-03-01", "2025-03-01", 2));
        for (String bad : List.of("window=month", "limit=0", "date=yesterday")) {
            HttpResponse<String> r = get(base + "/api/stance/movers?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body()).fieldNames()).toIterable().as(bad).containsExactly("error");
        }
    }

    private static List<String> movers(JsonNode answer) {
        return dyadKeys(answer.get("movers"));
    }

    /** The dyads with daily values in either window, by |current - previous| (then key), from /api/stance/daily. */
    private static List<String> expectedMovers(Map<String, List<JsonNode>> daily, String from, String previousFrom,
                                               String previousTo, int limit) {
        String to = LocalDate.parse(from).plusDays(LocalDate.parse(previousTo).toEpochDay()
                - LocalDate.parse(previousFrom).toEpochDay()).toString();
        Map<String, Double> change = new java.util.TreeMap<>();
        daily.forEach((k, days) -> days.forEach(d -> {
            String date = d.get("date").asText();
            double v = d.at("/stance/stance").asDouble();
            if (date.compareTo(from) >= 0 && date.compareTo(to) <= 0) {
                change.merge(k, v, Double::sum);
            } else if (date.compareTo(previousFrom) >= 0 && date.compareTo(previousTo) <= 0) {
                change.merge(k, -v, Double::sum);
            }
        }));
        return change.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /** Each filter of /api/events keeps exactly the events of the unfiltered list that it matches. */
    private void eventsTakeTheStreamsFilters(String base) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        list(base + "/api/events").forEach(all::add);
        Map<String, java.util.function.Predicate<JsonNode>> filters = new java.util.LinkedHashMap<>();
        filters.put("dyad=rus:ukr", e -> "RUS".equals(e.at("/source/code").asText())
                && "UKR".equals(e.at("/target/code").asText()));
        filters.put("dyad=UKR-%3ERUS", e -> "UKR".equals(e.at("/source/code").asText())
                && "RUS".equals(e.at("/target/code").asText()));
        filters.put("country=BRA", e -> e.toString().contains("\"code\":\"BRA\""));
        filters.put("root=13", e -> "13".equals(e.get("root").asText()));
        filters.put("quad=1", e -> e.get("quadClass").asInt() == 1);
        filters.put("quad=3&country=RUS", e -> e.get("quadClass").asInt() == 3
                && e.toString().contains("\"code\":\"RUS\""));
        filters.put("since=2025-03-02&until=2025-03-03", e -> e.get("date").asText().compareTo("2025-03-02") >= 0
                && e.get("date").asText().compareTo("2025-03-03") <= 0);
        for (var f : filters.entrySet()) {
            List<String> expected = all.stream().filter(f.getValue()).map(e -> e.get("id").asText()).toList();
            List<String> got = new ArrayList<>();
            list(base + "/api/events?" + f.getKey()).forEach(e -> got.add(e.get("id").asText()));
            assertThat(got).as(f.getKey()).isEqualTo(expected);
        }
        assertThat(all.stream().filter(filters.get("dyad=rus:ukr"))).hasSize(3);
        assertThat(all.stream().filter(filters.get("dyad=UKR-%3ERUS"))).isEmpty();
        // The same 400s as the stream, in the one error format, limit included.
        for (String bad : List.of("quad=9", "quad=x", "root=33", "country=!!!", "dyad=RUS", "limit=-1",
                "limit=ten", "until=tomorrow", "since=2025-03-04&until=2025-03-03")) {
            HttpResponse<String> r = get(base + "/api/events?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body()).fieldNames()).toIterable().as(bad).containsExactly("error");
            if (bad.matches("(quad|root|country|dyad)=.*")) {
                HttpResponse<String> stream = get(base + "/api/stream/events?" + bad);
                assertThat(stream.statusCode()).as("stream " + bad).isEqualTo(400);
                assertThat(Json.mapper().readTree(stream.body()).get("error").asText()).as(bad)
                        .isEqualTo(Json.mapper().readTree(r.body()).get("error").asText());
            }
        }
    }

    /** JVM metrics beside the pipeline's; a stream read with curl's default Accept: *&#47;* streams. */
    private void jvmMetricsAndAStreamForCurl(String base) throws Exception {
        String metrics = get(base + "/metrics").body();
        assertThat(metrics).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads",
                "process_cpu_usage", "process_uptime_seconds", "parley_article_stance_latency_seconds_bucket");
        for (String accept : new String[] {"*/*", null}) {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base
                    + "/api/stream/events?country=RUS"));
            if (accept != null) {
                req.header("Accept", accept);
            }
            HttpResponse<java.io.InputStream> r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(),
                    StandardCharsets.UTF_8))) {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                assertThat(lines.readLine()).as("Accept %s", accept).isEqualTo(": connected");
            }
        }
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stream/stance"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(406);
        assertThat(Json.mapper().readTree(json.body()).get("error").asText()).contains("text/event-stream");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode list(String url) throws Exception {
        HttpResponse<String> r = get(url);
        assertThat(r.statusCode()).as("%s: %s", url, r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private static String dyadKey(JsonNode d) {
        return d.get("source").asText() + "->" + d.get("target").asText();
    }

    private static List<String> dyadKeys(JsonNode rows) {
        List<String> keys = new ArrayList<>();
        rows.forEach(d -> keys.add(dyadKey(d)));
        return keys;
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> m = new HashMap<>();
        for (Header h : r.headers()) {
            m.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
