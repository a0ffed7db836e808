package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Json;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.testing.SseReader;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/** The SSE streams over a real broker: pushed from the topics, keep-alives, and resuming from Last-Event-ID. */
@WithKafka
class LiveStreamIT {
    @BeforeAll
    static void shortKeepAlive() {
        System.setProperty("parley.sse.keepalive.ms", "300");
    }

    @AfterAll
    static void restoreKeepAlive() {
        System.clearProperty("parley.sse.keepalive.ms");
    }

    private static Article article(String id, String text) {
        return new Article(id, null, text, LocalDate.parse("2025-02-27"), Article.DateSource.METADATA, null, null,
                null, null, id, Instant.now());
    }

    private static void ingest(ProcessorSettings config, Article a) throws Exception {
        var topic = config.topics().articles();
        try (var producer = new KafkaProducer<>(config.kafkaProperties(), topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), a.id(), a)).get();
        }
    }

    private static List<String> articleIds(SseReader r) {
        return r.messages.stream().map(m -> {
            try {
                return Json.mapper().readTree(m.data()).get("articleId").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void pushesNewEventsAndResumesAfterTheLastSeenId(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(config.kafka());
        try (ProcessorApp app = new ProcessorApp(config, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start()) {
            String base = "http://127.0.0.1:" + app.httpPort();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.liveFeedsReady()
                    && app.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);

            String lastSeen;
            try (SseReader events = SseReader.connect(base + "/api/stream/events", null);
                 SseReader stance = SseReader.connect(base + "/api/stream/stance", null)) {
                assertThat(events.status).isEqualTo(200);
                ingest(config, article("a1", "Russia and the United States held talks in Istanbul."));

                await().atMost(Duration.ofSeconds(30)).until(() -> !events.messages.isEmpty());
                await().atMost(Duration.ofSeconds(30)).until(() -> stance.messages.stream()
                        .anyMatch(m -> m.event().equals("dyad") && m.data().contains("\"source\":\"RUS\"")));
                // Keep-alives flow while nothing happens.
                await().atMost(Duration.ofSeconds(10)).until(() -> events.comments.contains("keep-alive"));

                assertThat(events.messages).allSatisfy(m -> {
                    assertThat(m.event()).isEqualTo("event");
                    assertThat(m.id()).startsWith(config.topics().events().name() + "-0-");
                });
                assertThat(articleIds(events)).containsOnly("a1");
                JsonNode first = Json.mapper().readTree(events.messages.get(0).data());
                assertThat(first.get("sentence").asText()).contains("held talks");
                lastSeen = events.messages.get(events.messages.size() - 1).id();
                assertThat(stance.messages).extracting(SseReader.Message::event).containsAnyOf("dyad", "country");
            }

            // While no one listens, another article arrives; a reconnect with the last id gets only that one.
            ingest(config, article("a2", "France and Germany signed an agreement in Paris."));
            try (SseReader resumed = SseReader.connect(base + "/api/stream/events", lastSeen)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(resumed).contains("a2"));
                assertThat(articleIds(resumed)).containsOnly("a2");
            }

            // A filtered stream only gets matching events.
            try (SseReader usaOnly = SseReader.connect(base + "/api/stream/events?country=USA", null)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> usaOnly.comments.contains("connected"));
                ingest(config, article("a4", "France and Germany signed an agreement in Berlin."));
                ingest(config, article("a3", "Russia and the United States held talks in Riyadh."));
                await().atMost(Duration.ofSeconds(30)).until(() -> articleIds(usaOnly).contains("a3"));
                assertThat(articleIds(usaOnly)).containsOnly("a3");
            }
        }
    }
}
