package org.parley.processor.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.RestartableBroker;
import org.parley.testkit.WithKafka;

/**
 * A live feed started while its broker is down, and one whose broker goes away and comes back, keeps going by
 * itself: before, the first error stopped the feed for good and every SSE client went silent.
 */
@WithKafka
class LiveFeedOutageIT {
    private static final String TOPIC = "live-outage-events";

    @Test
    void theFeedStartsWithoutItsBrokerAndRidesOutAnOutage(KafkaFixture kafka) throws Exception {
        try (RestartableBroker broker = new RestartableBroker(kafka.tempDir().resolve("broker"))) {
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin a = Admin.create(admin)) {
                a.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            broker.stop();
            Properties consumer = new Properties();
            consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            List<FeedItem> seen = new CopyOnWriteArrayList<>();
            try (LiveFeed feed = new LiveFeed("outage", consumer, Map.of(TOPIC, "event"), 100).start()) {
                feed.subscribe(seen::add, null, null);
                await().atMost(Duration.ofSeconds(60)).until(feed::kafkaDown);
                broker.start();
                send(broker, "first");
                await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == 1);

                broker.stop();
                broker.start();
                send(broker, "second");
                await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == 2);
                assertThat(seen).extracting(FeedItem::data).containsExactly("first", "second");
            }
        }
    }

    private static void send(RestartableBroker broker, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(TOPIC, "k", value)).get();
        }
    }
}
