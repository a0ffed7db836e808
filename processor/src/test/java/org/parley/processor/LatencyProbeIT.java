package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Json;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.testing.SseReader;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * A latency harness, not a test: it runs only with {@code -Dparley.latency=true} and measures, at a fixed
 * article rate, the time from publishing an article to the arrival of the stance update it causes on the SSE
 * stream {@code /api/stream/stance}. Each article i is "A and B held talks" for a pair of countries and a date
 * of its own, so it adds exactly one distinct event to dyad A->B: its update is the first A->B message whose
 * {@code events} count reaches the number of articles sent for that pair so far.
 *
 * <pre>./mvnw -B -o -pl processor verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=LatencyProbeIT -Dparley.latency=true [-Dparley.latency.rate=20 -Dparley.latency.seconds=60]</pre>
 *
 * Prints and writes {@code target/latency.txt}: p50, p90, p99 and max after a warm-up
 * ({@code -Dparley.latency.warmup}, 10 s), and a time series in 5-second windows.
 */
@WithKafka
@EnabledIfSystemProperty(named = "parley.latency", matches = "true")
class LatencyProbeIT {
    private static final String[][] COUNTRIES = {
        {"France", "FRA"}, {"Italy", "ITA"}, {"Spain", "ESP"}, {"Poland", "POL"}, {"Japan", "JPN"},
        {"Canada", "CAN"}, {"Mexico", "MEX"}, {"Egypt", "EGY"}, {"Kenya", "KEN"}, {"Nigeria", "NGA"},
        {"Chile", "CHL"}, {"Peru", "PER"}, {"Sweden", "SWE"}, {"Norway", "NOR"}, {"Finland", "FIN"},
        {"Greece", "GRC"}, {"Portugal", "PRT"}, {"Austria", "AUT"}, {"Hungary", "HUN"}, {"Romania", "ROU"},
        {"Brazil", "BRA"}, {"India", "IND"}, {"Israel", "ISR"}, {"Iran", "IRN"}, {"Ukraine", "UKR"},
        {"Turkey", "TUR"}, {"Argentina", "ARG"}, {"China", "CHN"}, {"Germany", "DEU"}, {"Russia", "RUS"},
        {"Vietnam", "VNM"}, {"Indonesia", "IDN"}, {"Denmark", "DNK"}, {"Ireland", "IRL"}};

    @Test
    void articlePublishToSseStanceUpdate(KafkaFixture kafka) throws Exception {
        int rate = Integer.getInteger("parley.latency.rate", 20);
        int seconds = Integer.getInteger("parley.latency.seconds", 60);
        int warmup = Integer.getInteger("parley.latency.warmup", 10) * rate;
        int total = seconds * rate;
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(config.kafka());
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < COUNTRIES.length; a++) {
            for (int b = a + 1; b < COUNTRIES.length; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        Map<String, Long> published = new ConcurrentHashMap<>();   // "SRC->TGT#n" -> nanoTime
        Map<String, Integer> sentPerPair = new ConcurrentHashMap<>();
        List<String> expected = Collections.synchronizedList(new ArrayList<>());

        try (ProcessorApp app = new ProcessorApp(config, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> app.liveFeedsReady()
                    && app.state() == KafkaStreams.State.RUNNING);
            var topic = config.topics().articles();
            var props = config.kafkaProperties();
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            try (SseReader sse = SseReader.connect("http://127.0.0.1:" + app.httpPort() + "/api/stream/stance", null);
                 var producer = new KafkaProducer<>(props, topic.keySerde().serializer(),
                         topic.valueSerde().serializer())) {
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                AtomicInteger next = new AtomicInteger();
                timer.scheduleAtFixedRate(() -> {
                    int i = next.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    int[] p = pairs.get(i % pairs.size());
                    String key = COUNTRIES[p[0]][1] + "->" + COUNTRIES[p[1]][1];
                    int n = sentPerPair.merge(key, 1, Integer::sum);
                    LocalDate date = LocalDate.parse("2020-01-01").plusDays(i);
                    String id = "lat-" + i;
                    Article a = new Article(id, null, COUNTRIES[p[0]][0] + " and " + COUNTRIES[p[1]][0]
                            + " held talks in Geneva.", date, Article.DateSource.METADATA, null, null, null, null, id,
                            Instant.now());
                    String tag = key + "#" + n;
                    if (i >= warmup) {
                        expected.add(tag);
                    }
                    published.put(tag, System.nanoTime());
                    producer.send(new ProducerRecord<>(topic.name(), id, a));
                }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);

                await().atMost(Duration.ofSeconds(seconds + 120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> next.get() >= total && arrived(sse, published).keySet().containsAll(expected));
                timer.shutdownNow();

                Map<String, Long> arrivals = arrived(sse, published);
                List<Double> millis = new ArrayList<>();
                for (String tag : expected) {
                    millis.add((arrivals.get(tag) - published.get(tag)) / 1e6);
                }
                // Time series, to tell a steady backlog from isolated stalls.
                StringBuilder series = new StringBuilder();
                int perBucket = 5 * rate;
                for (int from = 0; from < millis.size(); from += perBucket) {
                    List<Double> bucket = new ArrayList<>(millis.subList(from,
                            Math.min(millis.size(), from + perBucket)));
                    Collections.sort(bucket);
                    series.append(String.format(Locale.ROOT, " [%ds p50=%.0f max=%.0f]", (warmup + from) / rate,
                            pct(bucket, 50), bucket.get(bucket.size() - 1)));
                }
                System.out.println("LATENCY series" + series);
                Collections.sort(millis);
                String report = String.format(Locale.ROOT,
                        "articles/s=%d measured=%d (after %d warm-up) p50=%.0fms p90=%.0fms p99=%.0fms max=%.0fms "
                                + "cores=%d load=%s%n", rate, millis.size(), warmup, pct(millis, 50), pct(millis, 90),
                        pct(millis, 99), millis.get(millis.size() - 1), Runtime.getRuntime().availableProcessors(),
                        loadAverage());
                System.out.print("LATENCY " + report);
                write(Path.of("target", "latency.txt"), report);
                assertThat(millis).hasSize(expected.size());
            }
        }
    }

    /** First arrival of each "SRC->TGT#events" among the dyad updates received so far. */
    private static Map<String, Long> arrived(SseReader sse, Map<String, Long> published) throws IOException {
        Map<String, Long> first = new java.util.HashMap<>();
        for (SseReader.Message m : sse.messages) {
            if (!"dyad".equals(m.event())) {
                continue;
            }
            JsonNode d = Json.mapper().readTree(m.data());
            String tag = d.get("source").asText() + "->" + d.get("target").asText() + "#" + d.get("events").asLong();
            if (published.containsKey(tag)) {
                first.putIfAbsent(tag, m.receivedNanos());
            }
        }
        return first;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double pct(List<Double> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
