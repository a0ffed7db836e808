package org.parley.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.cli.PartSettings;
import org.parley.common.Json;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.ProcessorSettings;
import org.parley.sink.events.EventLog;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.RestartableBroker;
import org.parley.testkit.WithKafka;

/**
 * Issue 14's "done when": the broker goes away for 60 s under {@code parley ingest --watch}, {@code parley process}
 * and {@code parley sink}, each its own {@code bin/parley} process as users start them, while files are dropped into
 * the watched folder. Once the broker is back every article is in the sink's {@code events.jsonl} exactly once, and
 * no process exited at any time.
 *
 * <p>The broker is a {@link RestartableBroker} of this test's own (a controlled shutdown, then a start on the same
 * port and data directory). The ingest and sink processes keep Kafka's default client timeouts, as in production;
 * the processor gets the shorter session that docs/operations.md recommends ("Failure detection"), so that a stream
 * thread replaced during the outage is back within seconds.
 */
@WithKafka
class PipelineOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Pattern HTTP = Pattern.compile("HTTP on http://([0-9.]+):(\\d+)");
    private static final List<String> COUNTRIES = List.of("Russia", "Ukraine", "China", "France", "Germany", "Iran",
            "Japan", "India", "Turkey", "Greece", "Brazil", "Argentina", "Poland", "Canada", "Spain", "Italy",
            "Egypt", "Pakistan");

    /** Article {@code i}: one sentence, a dyad of its own, so each article's events are told apart by sentence. */
    private static String sentence(int i) {
        return COUNTRIES.get(i) + " imposed sanctions on " + COUNTRIES.get((i + 7) % COUNTRIES.size()) + ".";
    }

    @Test
    void everyArticleDroppedDuringASixtySecondOutageIsInTheSinkOnceAndNoProcessExits(KafkaFixture kafka)
            throws Exception {
        long t0 = System.nanoTime();
        Path dir = kafka.tempDir();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path out = dir.resolve("out");
        Path logs = Path.of("target", "reliability").toAbsolutePath();
        String tag = kafka.config().topicPrefix();
        for (String part : List.of("process", "sink", "ingest")) {
            // The logs are read below: none left over from an earlier run of the same test.
            Files.deleteIfExists(logs.resolve("outage-" + part + "-" + tag + ".log"));
        }
        Path clientProps = Files.writeString(dir.resolve("processor.properties"),
                "session.timeout.ms=10000\nheartbeat.interval.ms=3000\n");
        try (RestartableBroker broker = new RestartableBroker(dir.resolve("broker"))) {
            ProcessorSettings config = PartSettings.processor(kafka).withBootstrapServers(broker.bootstrapServers());
            TopicAdmin.ensureTopics(config.kafka());
            String[] kafkaArgs = {"--bootstrap-server", config.kafka().bootstrapServers(),
                "--topic-prefix", config.kafka().topicPrefix()};
            List<ParleyProcess> parts = new ArrayList<>();
            try (ParleyProcess processor = ParleyProcess.start(logs.resolve("outage-process-" + tag + ".log"),
                    Map.of(), concat(new String[] {"process", "--application-id", config.applicationId(),
                        "--state-dir", dir.resolve("state").toString(), "--client-properties",
                        clientProps.toString(), "--port", "0"}, kafkaArgs));
                 ParleyProcess sink = ParleyProcess.start(logs.resolve("outage-sink-" + tag + ".log"), Map.of(),
                         concat(new String[] {"sink", "--out", out.toString()}, kafkaArgs));
                 ParleyProcess ingest = ParleyProcess.start(logs.resolve("outage-ingest-" + tag + ".log"), Map.of(),
                         concat(new String[] {"ingest", "--watch", inbox.toString(), "--quiet-period", "1s"},
                                 kafkaArgs))) {
                parts.addAll(List.of(processor, sink, ingest));
                int next = 0;

                // Before the outage: two articles go all the way through.
                next = drop(staging, inbox, next, 2);
                awaitArticles(out, next, parts, Duration.ofSeconds(180));

                // The outage: files land at its start and half-way; every process must stay up all along.
                broker.stop();
                long down = System.nanoTime();
                next = drop(staging, inbox, next, 3);
                await().during(OUTAGE.dividedBy(2)).atMost(OUTAGE.dividedBy(2).plusSeconds(5))
                        .pollInterval(Duration.ofMillis(500)).until(() -> allAlive(parts));
                next = drop(staging, inbox, next, 3);
                await().during(OUTAGE.dividedBy(2)).atMost(OUTAGE.dividedBy(2).plusSeconds(5))
                        .pollInterval(Duration.ofMillis(500)).until(() -> allAlive(parts));
                broker.start();
                long downSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - down);
                long up = System.nanoTime();

                // After it: everything dropped during the outage comes through, and new files still do.
                next = drop(staging, inbox, next, 2);
                awaitArticles(out, next, parts, Duration.ofSeconds(180));
                long caughtUp = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - up);

                // The sink writes the events once each; nothing more comes (a late duplicate would show here).
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                        .until(() -> allAlive(parts) && articlesIn(out).size() == 10);
                Map<Integer, Set<String>> byArticle = articlesIn(out);
                List<String> ids = eventIds(out);
                assertThat(ids).as("event ids in the sink's files").doesNotHaveDuplicates();
                assertThat(byArticle.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
                for (Map.Entry<Integer, Set<String>> e : byArticle.entrySet()) {
                    assertThat(e.getValue()).as("article ids of the events of article %d (%s)", e.getKey(),
                            sentence(e.getKey())).hasSize(1);
                }
                assertThat(ids).as("one event per article: %s", byArticle).hasSize(10);

                // The processor answers as healthy again.
                Matcher m = HTTP.matcher(processor.output());
                assertThat(m.find()).as("processor prints its HTTP address").isTrue();
                URI health = URI.create("http://" + m.group(1) + ":" + m.group(2) + "/health");
                HttpClient http = HttpClient.newHttpClient();
                await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
                assertThat(allAlive(parts)).isTrue();
                for (ParleyProcess p : parts) {
                    p.stop();
                }
                // Ingest and the sink each logged the outage once, and its end once, however many retries it took.
                for (ParleyProcess p : List.of(ingest, sink)) {
                    assertThat(count(p.output(), ") is unreachable")).as("outage warnings in %s", p.log())
                            .isEqualTo(1);
                    assertThat(count(p.output(), ") is reachable again")).as("recoveries in %s", p.log())
                            .isEqualTo(1);
                }
                System.out.printf("PipelineOutageIT: broker down %d s under bin/parley ingest --watch, process and "
                        + "sink; 6 files dropped during the outage; all 10 articles in events.jsonl once, %d s after "
                        + "the broker returned; no process exited; %d s in all%n", downSeconds, caughtUp,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
            }
        }
    }

    /** Writes articles [from, from + n) elsewhere and renames them into the watched folder; returns from + n. */
    private static int drop(Path staging, Path inbox, int from, int n) throws IOException {
        for (int i = from; i < from + n; i++) {
            Path f = Files.writeString(staging.resolve("article-" + i + ".txt"), sentence(i) + "\n");
            Files.move(f, inbox.resolve(f.getFileName()));
        }
        return from + n;
    }

    private static boolean allAlive(List<ParleyProcess> parts) {
        for (ParleyProcess p : parts) {
            assertThat(p.isAlive()).as("process exited; its output is in %s", p.log()).isTrue();
        }
        return true;
    }

    private static void awaitArticles(Path out, int count, List<ParleyProcess> parts, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500))
                .until(() -> allAlive(parts) && articlesIn(out).keySet().containsAll(range(count)));
    }

    private static Set<Integer> range(int count) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < count; i++) {
            s.add(i);
        }
        return s;
    }

    /** For each article (by its sentence) the article ids its events in the sink's files carry. */
    private static Map<Integer, Set<String>> articlesIn(Path out) throws IOException {
        Map<Integer, Set<String>> articles = new HashMap<>();
        for (JsonNode e : events(out)) {
            String s = e.get("sentence").asText();
            for (int i = 0; i < COUNTRIES.size(); i++) {
                if (s.equals(sentence(i))) {
                    articles.computeIfAbsent(i, k -> new HashSet<>()).add(e.get("articleId").asText());
                }
            }
        }
        return articles;
    }

    private static List<String> eventIds(Path out) throws IOException {
        return events(out).stream().map(e -> e.get("id").asText()).toList();
    }

    /** The complete event lines of the sink's event files (a line being written is skipped). */
    private static List<JsonNode> events(Path out) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return events;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.equals(EventLog.CURRENT) || EventLog.ROTATED.matcher(n).matches();
            }).sorted().toList();
        }
        for (Path p : files) {
            for (String line : Files.readAllLines(p)) {
                try {
                    events.add(Json.mapper().readTree(line));
                } catch (IOException e) {
                    // a line the sink is still writing
                }
            }
        }
        return events;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
