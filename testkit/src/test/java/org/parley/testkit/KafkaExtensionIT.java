package org.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.contracts.KafkaSettings;

@WithKafka
class KafkaExtensionIT {
    /** Bootstrap address, topic prefix and app id of every test, to check they share the broker and nothing else. */
    private static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    private KafkaFixture fromBeforeEach;

    @BeforeEach
    void remember(KafkaFixture kafka) {
        fromBeforeEach = kafka;
    }

    @Test
    void producesAndConsumesOneRecordThroughARealTopic(KafkaFixture kafka) throws Exception {
        record(kafka);
        String topic = kafka.uniqueName("roundtrip");
        kafka.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key-1", "hello parley")).get();
        }

        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName("group"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return !got.isEmpty();
            });
        }
        assertThat(got).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("key-1");
            assertThat(r.value()).isEqualTo("hello parley");
        });
    }

    @Test
    void givesEachTestItsOwnNamesAndDirectories(KafkaFixture kafka) {
        record(kafka);
        assertThat(kafka).isSameAs(fromBeforeEach);
        assertThat(kafka.uniqueName("x")).isNotEqualTo(kafka.uniqueName("x")).startsWith("x-");

        KafkaSettings config = kafka.config();
        assertThat(kafka.config()).isSameAs(config);
        assertThat(config.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
        assertThat(config.partitions()).isEqualTo(1);
        assertThat(config.replication()).isEqualTo((short) 1);
        assertThat(kafka.stateDir()).isDirectory().startsWith(kafka.tempDir());
        assertThat(kafka.applicationId()).isSameAs(kafka.applicationId());
        assertThat(Files.exists(kafka.tempDir())).isTrue();
    }

    private static void record(KafkaFixture kafka) {
        KafkaSettings c = kafka.config();
        SEEN.put(c.topicPrefix(), List.of(kafka.bootstrapServers(), kafka.applicationId(), kafka.stateDir().toString()));
    }

    @AfterAll
    static void testsSharedTheBrokerButNothingElse() {
        if (SEEN.size() < 2) {
            return; // only one test was selected (-Dit.test=...#method): nothing to compare
        }
        assertThat(SEEN).hasSize(2); // two different topic prefixes
        List<List<String>> values = new ArrayList<>(SEEN.values());
        assertThat(values.get(0).get(0)).isEqualTo(values.get(1).get(0)); // one broker per JVM
        assertThat(values.get(0).get(1)).isNotEqualTo(values.get(1).get(1)); // application ids differ
        assertThat(values.get(0).get(2)).isNotEqualTo(values.get(1).get(2)); // state directories differ
        // The first test's temporary directory is already gone.
        assertThat(values).allSatisfy(v -> assertThat(Files.exists(java.nio.file.Path.of(v.get(2)))).isFalse());
    }
}
