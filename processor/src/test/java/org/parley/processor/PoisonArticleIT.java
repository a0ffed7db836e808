package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Event;
import org.parley.contracts.DeadLetterHeaders;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.stance.StanceSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

/**
 * The poison article of issue 14 over a real broker: a 1 MB one-line article (13,300 sentences) between two
 * normal ones. With the default limits it is coded within them; with the limits lifted its output is too large
 * to write, and the processor dead-letters it instead of dying on it forever.
 */
@WithKafka
class PoisonArticleIT {
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void aHugeArticleIsCodedWithinTheLimitsAndTheArticlesAroundItFlow(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(config.kafka());
        ProcessorLimits limits = ProcessorLimits.defaults();
        try (ProcessorApp app = new ProcessorApp(config.withLimits(limits), EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start()) {
            publish(config, normal("before", "Poland imposed sanctions on Iran."), huge("huge"),
                    normal("after", "Japan praised India for its leadership."));

            await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() ->
                    eventsByArticle(config).keySet().containsAll(List.of("before", "after", "huge")));
            Map<String, Long> counts = eventsByArticle(config);
            assertThat(counts.get("huge")).as("the huge article's events, cut at the limit")
                    .isPositive().isLessThanOrEqualTo(limits.maxEvents());
            assertThat(app.metrics().limitedArticles()).isEqualTo(1.0);
            assertThat(TopicReader.readCommitted(config.kafka(), config.topics().deadLetters().name())).isEmpty();
        }
    }

    @Test
    void aHugeArticleWhoseOutputCannotBeWrittenIsDeadLetteredWithTheReason(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(config.kafka());
        // Limits lifted: its recent-events entry is about 7 MB, over the producer's 1 MiB max.request.size.
        ProcessorLimits none = new ProcessorLimits(1_000_000, 1_000_000, 64 * 1024 * 1024, 10);
        try (ProcessorApp app = new ProcessorApp(config.withLimits(none), EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start()) {
            publish(config, normal("before", "Poland imposed sanctions on Iran."), huge("huge"),
                    normal("after", "Japan praised India for its leadership."));

            // The stream thread dies once, on purpose; Awaitility would take that for a failure of the test.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).dontCatchUncaughtExceptions()
                    .until(() ->
                    eventsByArticle(config).keySet().containsAll(List.of("before", "after")));
            assertThat(eventsByArticle(config)).doesNotContainKey("huge");
            List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readCommitted(config.kafka(),
                    config.topics().deadLetters().name());
            assertThat(dead).hasSize(1);
            Map<String, String> h = headers(dead.get(0));
            assertThat(h).containsEntry(DeadLetterHeaders.TOPIC, config.topics().articles().name())
                    .containsEntry(DeadLetterHeaders.OFFSET, "1")
                    .containsEntry(DeadLetterHeaders.COMPONENT, "processor");
            assertThat(h.get(DeadLetterHeaders.MESSAGE)).contains("the producer refused", "max.request.size", "left out");
            assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("huge");
            assertThat(app.faults().degraded()).as("/health is DEGRADED after the thread failure").isPresent();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.httpPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DEGRADED");
        }
    }

    private static Article normal(String id, String text) {
        return new Article(id, null, text, LocalDate.parse("2025-03-10"), Article.DateSource.METADATA, null, null,
                null, null, id, Instant.now());
    }

    /** The article of issue 14: one line, about 1 MB, 13,300 sentences, each coding to an event. */
    static Article huge(String id) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 13_300; i++) {
            sb.append("Norway criticized Georgia over pipeline dispute number ").append(i)
                    .append(" on March 10, 2025. ");
        }
        return normal(id, sb.toString());
    }

    /** In order, to one partition, the way ingest publishes (it allows records up to 8 MiB, compressed). */
    private static void publish(ProcessorSettings config, Article... articles) throws Exception {
        Properties p = config.kafkaProperties();
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        var topic = config.topics().articles();
        try (var producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(topic.name(), a.id().getBytes(StandardCharsets.UTF_8),
                        topic.valueSerde().serializer().serialize(topic.name(), a))).get();
            }
        }
    }

    private static Map<String, Long> eventsByArticle(ProcessorSettings config) {
        return TopicReader.readCommitted(config.kafka(), config.topics().events()).stream().map(ConsumerRecord::value)
                .collect(Collectors.groupingBy(Event::articleId, Collectors.counting()));
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Header h : r.headers()) {
            out.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
