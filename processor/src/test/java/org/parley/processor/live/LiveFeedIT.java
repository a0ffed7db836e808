package org.parley.processor.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.api.HttpApi;
import org.parley.processor.testing.SseReader;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * The live feed's buffer and how a subscriber resumes from an SSE id, over a real broker: from an id still in the
 * buffer it gets exactly what came after it; from an id that has left the buffer, what is left of that partition and
 * everything of the others; from a malformed id, only what is new. Then the same through the HTTP API, with the id
 * in the {@code lastEventId} query parameter (for EventSource polyfills that cannot set {@code Last-Event-ID}).
 *
 * <p>Two topics of one partition each, A and B. A gets A0..A9 before the feed starts; the feed (buffer 6, so 3 per
 * partition) backs up to A7. Then B0, A10, B1, A11 arrive one at a time, so the buffer is [A8 A9 B0 A10 B1 A11].
 */
@WithKafka
class LiveFeedIT {
    private static final int BUFFER = 6;

    private record Topics(String a, String b) {
        String id(String topic, long offset) {
            return topic + "-0-" + offset;
        }
    }

    @Test
    void aSubscriberResumesFromAnIdInTheBufferOneThatLeftItOrAMalformedOne(KafkaFixture kafka) throws Exception {
        Topics t = new Topics(kafka.uniqueName("feed-a"), kafka.uniqueName("feed-b"));
        kafka.admin().createTopics(List.of(new NewTopic(t.a(), 1, (short) 1), new NewTopic(t.b(), 1, (short) 1)))
                .all().get();
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(t.a(), "k", "A" + i)).get();
            }
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            List<FeedItem> probe = new CopyOnWriteArrayList<>();
            try (LiveFeed feed = new LiveFeed("test", p, Map.of(t.a(), "a", t.b(), "b"), BUFFER).start()) {
                await().atMost(Duration.ofSeconds(60)).until(feed::caughtUp);
                feed.subscribe(probe::add, null, null);
                // One at a time, each seen before the next is sent: the buffer's order is known.
                for (String[] next : new String[][] {{t.b(), "B0"}, {t.a(), "A10"}, {t.b(), "B1"}, {t.a(), "A11"}}) {
                    int before = probe.size();
                    producer.send(new ProducerRecord<>(next[0], "k", next[1])).get();
                    await().atMost(Duration.ofSeconds(30)).until(() -> probe.size() == before + 1);
                }
                assertThat(values(probe)).containsExactly("B0", "A10", "B1", "A11");

                // From an id in the buffer: exactly what came after it, in order.
                assertThat(resume(feed, t.id(t.a(), 9))).containsExactly("B0", "A10", "B1", "A11");
                assertThat(resume(feed, t.id(t.a(), 8))).containsExactly("A9", "B0", "A10", "B1", "A11");
                assertThat(resume(feed, t.id(t.b(), 1))).containsExactly("A11");
                assertThat(resume(feed, t.id(t.a(), 11))).isEmpty();
                // From an id that has left the buffer (A7 was in it at start, A5 never was): the rest of its
                // partition and all of the others, since the feed cannot know which of those the client had.
                assertThat(resume(feed, t.id(t.a(), 7))).containsExactly("A8", "A9", "B0", "A10", "B1", "A11");
                assertThat(resume(feed, t.id(t.a(), 5))).containsExactly("A8", "A9", "B0", "A10", "B1", "A11");
                // An id of a topic the feed does not read: the whole buffer.
                assertThat(resume(feed, "elsewhere-0-3")).containsExactly("A8", "A9", "B0", "A10", "B1", "A11");
                // A malformed id or none: nothing from the buffer, only what is new.
                assertThat(resume(feed, "not-an-id")).isEmpty();
                assertThat(resume(feed, null)).isEmpty();

                // No record lost or repeated between the backlog and what follows.
                List<FeedItem> resumed = new CopyOnWriteArrayList<>();
                List<FeedItem> fresh = new CopyOnWriteArrayList<>();
                feed.subscribe(resumed::add, FeedItem.Position.parse(t.id(t.b(), 0)), null);
                feed.subscribe(fresh::add, FeedItem.Position.parse("garbage"), null);
                producer.send(new ProducerRecord<>(t.a(), "k", "A12")).get();
                await().atMost(Duration.ofSeconds(30)).until(() -> values(resumed).contains("A12"));
                assertThat(values(resumed)).containsExactly("A10", "B1", "A11", "A12");
                await().atMost(Duration.ofSeconds(30)).until(() -> values(fresh).contains("A12"));
                assertThat(values(fresh)).containsExactly("A12");
                assertThat(resumed.get(resumed.size() - 1).id()).isEqualTo(t.id(t.a(), 12));

                // Over HTTP: the lastEventId parameter, the header winning over it, and a malformed one.
                ProcessorSettings config = ProcessorSettings.defaults().withTopicPrefix("unused")
                        .withBootstrapServers(kafka.bootstrapServers()).withHttp("127.0.0.1", 0);
                try (HttpApi api = new HttpApi(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 8,
                        Optional::empty)) {
                    api.attachFeeds(feed, feed);
                    api.start();
                    String url = "http://127.0.0.1:" + api.port() + "/api/stream/stance";
                    try (SseReader byParam = SseReader.connect(url + "?lastEventId=" + t.id(t.a(), 10), null);
                         SseReader headerWins = SseReader.connect(url + "?lastEventId=" + t.id(t.a(), 8),
                                 t.id(t.a(), 11));
                         SseReader malformed = SseReader.connect(url + "?lastEventId=A-x-1", null)) {
                        assertThat(byParam.status).isEqualTo(200);
                        await().atMost(Duration.ofSeconds(10)).until(() -> byParam.messages.size() == 3
                                && headerWins.messages.size() == 1 && malformed.comments.contains("connected"));
                        assertThat(byParam.messages).extracting(SseReader.Message::data)
                                .containsExactly("B1", "A11", "A12");
                        assertThat(byParam.messages).extracting(SseReader.Message::id).containsExactly(
                                t.id(t.b(), 1), t.id(t.a(), 11), t.id(t.a(), 12));
                        assertThat(byParam.messages).extracting(SseReader.Message::event)
                                .containsExactly("b", "a", "a");
                        assertThat(headerWins.messages).extracting(SseReader.Message::data).containsExactly("A12");
                        producer.send(new ProducerRecord<>(t.b(), "k", "B2")).get();
                        await().atMost(Duration.ofSeconds(30)).until(() -> malformed.messages.size() == 1
                                && byParam.messages.size() == 4 && headerWins.messages.size() == 2);
                        assertThat(malformed.messages).extracting(SseReader.Message::data).containsExactly("B2");
                    }
                }
            }
        }
    }

    /** What a new subscriber resuming from {@code id} is handed at once (the backlog). */
    private static List<String> resume(LiveFeed feed, String id) {
        List<FeedItem> got = new ArrayList<>();
        LiveFeed.Subscriber s = got::add;
        feed.subscribe(s, FeedItem.Position.parse(id), null);
        feed.unsubscribe(s);
        synchronized (got) {
            return values(got);
        }
    }

    private static List<String> values(List<FeedItem> items) {
        return items.stream().map(FeedItem::data).toList();
    }

    private static KafkaProducer<String, String> producer(KafkaFixture kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
