package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
 * Failover of interactive queries: two instances share 4 partitions with one standby replica each; while a client
 * queries one instance every 50 ms, the other stops cleanly (as in a rolling restart), then a new instance joins
 * and the first one stops. Every answer must be either the exact data or a 503 with Retry-After. A 503 may only
 * come while a membership change is under way (the request in flight at some moment of it): from the moment it
 * begins until the test has seen the instance the client asks answer every dyad and the full list exactly (a
 * condition awaited, not a time window). After that, until the next change, every answer must be a 200.
 */
@WithKafka
class FailoverIT {
    private static final List<String> COUNTRIES = List.of("Russia", "the United States", "France", "Germany",
            "China", "Japan", "India", "Pakistan", "Turkey", "Iran", "Brazil", "Argentina");
    private static final List<String> TEMPLATES = List.of(
            "%s and %s held talks in Geneva.",
            "%s and %s signed an agreement in Paris.",
            "%s criticized %s over the border.",
            "%s praised %s for the trade deal.");
    private static final String LIST = "/api/stance/dyads?limit=1000000";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One answer the background client got. */
    record Sample(long sentAtMs, long tookMs, String target, String path, int status, boolean retryAfter,
                  boolean dataOk, String note) {
    }

    /**
     * A stop or start: when it began, and when the test had seen it settle, i.e. every dyad and the list answered
     * exactly by the instance the client asks (ms since the test's clock started).
     */
    record Change(String what, long atMs, long settledMs) {
    }

    @Test
    void queriesAnswerRightOrRetryAfterWhileInstancesComeAndGo(KafkaFixture kafka) throws Exception {
        ProcessorSettings base = ProcessorFixture.settings(kafka).withPartitions(4, (short) 1).withStandbyReplicas(1)
                .withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(base.kafka());
        Path root = kafka.tempDir();
        long t0 = System.nanoTime();
        List<Change> changes = new ArrayList<>();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        List<ProcessorApp> running = new ArrayList<>();
        ProcessorApp a = start(base, root.resolve("state-a"), running);
        ProcessorApp b = start(base, root.resolve("state-b"), running);
        try {
            int articles = ingest(base);
            String urlA = url(a);
            String urlB = url(b);
            await().atMost(Duration.ofSeconds(120)).until(() -> a.state() == KafkaStreams.State.RUNNING
                    && b.state() == KafkaStreams.State.RUNNING
                    && hosts(a) == 2 && hosts(b) == 2);

            // All articles coded, and both instances list the same dyads twice in a row (nothing in flight).
            AtomicReference<JsonNode> previous = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(1500)).untilAsserted(() -> {
                assertThat(a.metrics().articles() + b.metrics().articles()).isGreaterThanOrEqualTo(articles);
                JsonNode fromA = comparable(getJson(urlA + LIST));
                JsonNode fromB = comparable(getJson(urlB + LIST));
                JsonNode before = previous.getAndSet(fromA);
                assertThat(fromB).isEqualTo(fromA);
                assertThat(fromA).isEqualTo(before);
            });
            JsonNode expectedList = previous.get();
            assertThat(expectedList.size()).as("dyads").isGreaterThanOrEqualTo(40);
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            expectedList.forEach(d -> expected.put(d.get("source").asText() + "/" + d.get("target").asText(), d));

            // Query dyads owned by either instance.
            List<String> ownedByA = new ArrayList<>();
            List<String> ownedByB = new ArrayList<>();
            for (String dyad : expected.keySet()) {
                KeyQueryMetadata md = a.streams().queryMetadataForKey(StanceTopology.DYAD_STANCE_STORE,
                        dyad.replace("/", "->"), Serdes.String().serializer());
                (md.activeHost().port() == a.httpPort() ? ownedByA : ownedByB).add(dyad);
            }
            assertThat(ownedByA).as("dyads owned by A").isNotEmpty();
            assertThat(ownedByB).as("dyads owned by B").isNotEmpty();
            List<String> queried = new ArrayList<>();
            queried.addAll(ownedByA.subList(0, Math.min(5, ownedByA.size())));
            queried.addAll(ownedByB.subList(0, Math.min(5, ownedByB.size())));
            // Through B, so that A's dyads are relayed; awaited, as a relay may meet a rebalance still settling.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                for (String dyad : queried) {
                    assertThat(comparable(getJson(urlB + "/api/stance/dyads/" + dyad))).isEqualTo(expected.get(dyad));
                }
            });

            // The background client: one request every 50 ms, cycling through single dyads and the list.
            AtomicReference<String> target = new AtomicReference<>(urlA);
            AtomicInteger tick = new AtomicInteger();
            poller.scheduleWithFixedDelay(() -> {
                int n = tick.getAndIncrement();
                String path = n % 3 == 2 ? LIST : "/api/stance/dyads/" + queried.get(n % queried.size());
                JsonNode want = LIST.equals(path) ? expectedList
                        : expected.get(path.substring("/api/stance/dyads/".length()));
                samples.add(probe(t0, target.get(), path, want));
            }, 0, 50, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> samples.size() >= 20);

            // Phase 1: B stops cleanly; A must take over all partitions.
            long closeB = elapsed(t0);
            running.remove(b);
            b.close();
            long closedB = elapsed(t0);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertAnswersAll(a, urlA, expected, expectedList, 1));
            long takeoverB = elapsed(t0) - closeB;
            long tookOverB = closeB + takeoverB;
            changes.add(new Change("stop B", closeB, tookOverB));
            await().atMost(Duration.ofSeconds(30)).until(() -> samples.stream()
                    .filter(s -> s.sentAtMs() > tookOverB).count() >= 20);

            // Phase 2: a new instance B' joins (fresh state dir: it restores from the changelogs) and shares the
            // work; the client moves to it; then A stops and B' takes everything.
            long startB2 = elapsed(t0);
            ProcessorApp joined = start(base, root.resolve("state-b2"), running);
            String urlB2 = url(joined);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertAnswersAll(a, urlA, expected, expectedList, 2);
                assertAnswersAll(joined, urlB2, expected, expectedList, 2);
            });
            long joinB2 = elapsed(t0) - startB2;
            changes.add(new Change("start B'", startB2, startB2 + joinB2));
            List<String> movedToB2 = expected.keySet().stream().filter(d -> joined.streams().queryMetadataForKey(
                    StanceTopology.DYAD_STANCE_STORE, d.replace("/", "->"), Serdes.String().serializer())
                    .activeHost().port() == joined.httpPort()).toList();
            assertThat(movedToB2).as("dyads B' took over from A").isNotEmpty();
            target.set(urlB2);
            long switched = elapsed(t0);
            await().atMost(Duration.ofSeconds(30)).until(() -> samples.stream()
                    .filter(s -> s.sentAtMs() > switched).count() >= 20);

            long closeA = elapsed(t0);
            running.remove(a);
            a.close();
            long closedA = elapsed(t0);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertAnswersAll(joined, urlB2, expected, expectedList, 1));
            long takeoverA = elapsed(t0) - closeA;
            changes.add(new Change("stop A", closeA, closeA + takeoverA));
            await().atMost(Duration.ofSeconds(30)).until(() -> samples.stream()
                    .filter(s -> s.sentAtMs() > closeA + takeoverA).count() >= 20);
            poller.shutdown();
            assertThat(poller.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            List<Sample> all = new ArrayList<>(samples);
            report(all, changes, expected.size(), queried.size(), closedB - closeB, takeoverB, joinB2,
                    closedA - closeA, takeoverA);

            // Every answer: the exact data, or 503 with Retry-After.
            for (Sample s : all) {
                if (s.status() == 200) {
                    assertThat(s.dataOk()).as("200 with the expected data: " + s).isTrue();
                } else {
                    assertThat(s.status()).as("status of " + s).isEqualTo(503);
                    assertThat(s.retryAfter()).as("Retry-After on " + s).isTrue();
                }
            }
            // 503s only while a change is under way: none before the first, none once a change had settled.
            // A request still in flight when a change begins overlaps it (its relay may reach the closing instance).
            for (Sample s : all) {
                if (s.status() == 503) {
                    assertThat(changes).as("a change under way (begun, not yet seen settled) while the 503 " + s
                                    + " was in flight")
                            .anyMatch(c -> s.sentAtMs() + s.tookMs() >= c.atMs() && s.sentAtMs() <= c.settledMs());
                }
            }
            // And the client did get answers after each change had settled (awaited above, at least 20 each).
            for (Change c : changes) {
                assertThat(all).as("answers after %s settled", c.what())
                        .anyMatch(s -> s.sentAtMs() > c.settledMs() && s.status() == 200);
            }
        } finally {
            poller.shutdownNow();
            running.forEach(FailoverIT::closeQuietly);
        }
    }

    /** {@code app} alone or with others ({@code instances} in all) answers every dyad and the list exactly. */
    private void assertAnswersAll(ProcessorApp app, String url, Map<String, JsonNode> expected,
                                  JsonNode expectedList, int instances) throws Exception {
        assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(hosts(app)).as("instances holding the dyad store").isEqualTo(instances);
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            HttpResponse<String> r = get(url + "/api/stance/dyads/" + e.getKey());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(comparable(Json.mapper().readTree(r.body()))).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(comparable(getJson(url + LIST))).isEqualTo(expectedList);
    }

    private Sample probe(long t0, String url, String path, JsonNode want) {
        long sent = elapsed(t0);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = false;
            String note = "";
            if (r.statusCode() == 200) {
                ok = comparable(Json.mapper().readTree(r.body())).equals(want);
                if (!ok) {
                    note = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
                }
            } else {
                note = r.body();
            }
            return new Sample(sent, elapsed(t0) - sent, url, path, r.statusCode(),
                    r.headers().firstValue("Retry-After").isPresent(), ok, note);
        } catch (Exception e) {
            return new Sample(sent, elapsed(t0) - sent, url, path, -1, false, false, e.toString());
        }
    }

    private static void report(List<Sample> all, List<Change> changes, int dyads, int queried, long closeBMs,
                               long takeoverBMs, long joinB2Ms, long closeAMs, long takeoverAMs) {
        long ok = all.stream().filter(s -> s.status() == 200).count();
        long unavailable = all.stream().filter(s -> s.status() == 503).count();
        int streak = 0;
        int longest = 0;
        long streakStart = 0;
        long longestMs = 0;
        for (Sample s : all) {
            if (s.status() == 503) {
                if (streak == 0) {
                    streakStart = s.sentAtMs();
                }
                streak++;
                if (streak > longest) {
                    longest = streak;
                    longestMs = s.sentAtMs() + s.tookMs() - streakStart;
                }
            } else {
                streak = 0;
            }
        }
        StringBuilder out = new StringBuilder("FailoverIT figures: ").append(dyads).append(" dyads, ")
                .append(queried).append(" queried singly plus the list; ").append(all.size()).append(" queries, ")
                .append(ok).append(" x 200, ").append(unavailable).append(" x 503, other ")
                .append(all.size() - ok - unavailable).append("; longest 503 streak ").append(longest)
                .append(" queries (").append(longestMs).append(" ms)").append(System.lineSeparator());
        out.append(String.format("  stop B: close() %d ms, A answers every dyad alone %d ms after close began%n",
                closeBMs, takeoverBMs));
        out.append(String.format("  start B': both answer every dyad, shared, %d ms after start%n", joinB2Ms));
        out.append(String.format("  stop A: close() %d ms, B' answers every dyad alone %d ms after close began%n",
                closeAMs, takeoverAMs));
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            long end = i + 1 < changes.size() ? changes.get(i + 1).atMs() : Long.MAX_VALUE;
            List<Sample> after = all.stream().filter(s -> s.sentAtMs() >= c.atMs() && s.sentAtMs() < end).toList();
            long n503 = after.stream().filter(s -> s.status() == 503).count();
            long last503 = after.stream().filter(s -> s.status() == 503).mapToLong(Sample::sentAtMs).max()
                    .orElse(c.atMs()) - c.atMs();
            out.append(String.format("  after %s: %d queries, %d x 503, last 503 sent %d ms after it%n",
                    c.what(), after.size(), n503, last503));
        }
        all.stream().filter(s -> s.status() != 200).map(Sample::note).distinct().limit(8)
                .forEach(n -> out.append("  non-200: ").append(n).append(System.lineSeparator()));
        all.stream().filter(s -> s.status() == 200 ? !s.dataOk() : s.status() != 503 || !s.retryAfter()).limit(10)
                .forEach(s -> out.append("  WRONG: ").append(s).append(System.lineSeparator()));
        changes.forEach(c -> out.append("  ").append(c).append(System.lineSeparator()));
        System.out.println(out);
    }

    /** A dyad or list as compared: everything but the processing-time stamp. */
    private static JsonNode comparable(JsonNode n) {
        if (n.isArray()) {
            ArrayNode copy = Json.mapper().createArrayNode();
            n.forEach(e -> copy.add(comparable(e)));
            return copy;
        }
        if (n.isObject()) {
            ObjectNode copy = ((ObjectNode) n).deepCopy();
            copy.remove("updatedAt");
            return copy;
        }
        return n;
    }

    private static int ingest(ProcessorSettings config) throws Exception {
        int n = 0;
        try (var producer = new KafkaProducer<>(config.kafkaProperties(),
                config.topics().articles().keySerde().serializer(),
                config.topics().articles().valueSerde().serializer())) {
            for (int i = 0; i < COUNTRIES.size(); i++) {
                for (int j = 0; j < COUNTRIES.size(); j++) {
                    if (i == j) {
                        continue;
                    }
                    String text = String.format(TEMPLATES.get((i * 7 + j) % TEMPLATES.size()), COUNTRIES.get(i),
                            COUNTRIES.get(j));
                    String sentence = Character.toUpperCase(text.charAt(0)) + text.substring(1);
                    String id = "f" + i + "-" + j;
                    Article art = new Article(id, null, sentence, LocalDate.parse("2025-03-01").plusDays(i),
                            Article.DateSource.METADATA, null, null, null, null, id, Instant.now());
                    producer.send(new ProducerRecord<>(config.topics().articles().name(), id, art));
                    n++;
                }
            }
            producer.flush();
        }
        return n;
    }

    private static ProcessorApp start(ProcessorSettings base, Path stateDir, List<ProcessorApp> running) {
        ProcessorApp app = new ProcessorApp(base.withStateDir(stateDir), EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults());
        running.add(app);
        return app.start();
    }

    private static int hosts(ProcessorApp app) {
        return app.streams().streamsMetadataForStore(StanceTopology.DYAD_STANCE_STORE).size();
    }

    private static String url(ProcessorApp app) {
        return "http://127.0.0.1:" + app.httpPort();
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void closeQuietly(ProcessorApp app) {
        try {
            app.close();
        } catch (RuntimeException ignored) {
            // closing failed after the test's verdict
        }
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> r = get(url);
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
