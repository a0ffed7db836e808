package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaIT {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaIT.class);
    private static final String TOPIC = "tx-topic";

    @TempDir
    Path dataDir;

    @Test
    void transactionsWorkAndDataSurvivesARestartOnTheSameDirectory() throws Exception {
        String clusterId;
        try (EmbeddedKafka kafka = startOn(dataDir)) {
            assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
            clusterId = clusterIdOf(kafka);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "k1", "first"));
                producer.send(new ProducerRecord<>(TOPIC, "k2", "second"));
                producer.commitTransaction();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "k3", "aborted")).get();
                producer.abortTransaction();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "k4", "third"));
                producer.commitTransaction();
            }
            // read_committed hides the aborted record; read_uncommitted proves it was really written.
            assertThat(readAll(kafka, "read_committed", 3)).containsExactly("first", "second", "third");
            assertThat(readAll(kafka, "read_uncommitted", 4)).containsExactly("first", "second", "aborted", "third");
        }
        assertThat(dataDir.resolve("meta.properties")).exists();

        // Restart on the same directory: not reformatted (same cluster), topic and records still there.
        try (EmbeddedKafka kafka = startOn(dataDir)) {
            assertThat(clusterIdOf(kafka)).isEqualTo(clusterId);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(readAll(kafka, "read_committed", 3)).containsExactly("first", "second", "third");
        }
        assertThat(dataDir).exists();
    }

    @Test
    void aNewDirectoryIsFormattedWithTransactionsV1() throws Exception {
        try (EmbeddedKafka kafka = startOn(dataDir)) {
            assertThat(transactionVersionOf(kafka)).isEqualTo(EmbeddedKafka.TRANSACTION_VERSION);
        }
    }

    @Test
    void aDirectoryFormattedWithTransactionsV2IsSteppedDownOnStart() throws Exception {
        // Formatted as Kafka 4.4 does by default (and as Parley did before the pin): transactions v2.
        EmbeddedKafka unstarted = EmbeddedKafka.builder().dataDir(dataDir).build();
        Path config = Files.createTempFile("tv2-", ".properties");
        try (var out = Files.newOutputStream(config)) {
            unstarted.serverProperties(1, 2).store(out, null);
        }
        int rc = kafka.tools.StorageTool.execute(new String[] {"format", "--cluster-id",
            org.apache.kafka.common.Uuid.randomUuid().toString(), "--config", config.toString()}, System.out);
        assertThat(rc).isZero();
        Files.delete(config);

        try (EmbeddedKafka kafka = startOn(dataDir)) {
            assertThat(transactionVersionOf(kafka)).isEqualTo(EmbeddedKafka.TRANSACTION_VERSION);
        }
    }

    @Test
    void aDirectoryInUseIsRefusedBeforeTheSecondBrokerTouchesIt() throws Exception {
        try (EmbeddedKafka first = startOn(dataDir);
                EmbeddedKafka second = EmbeddedKafka.builder().dataDir(dataDir).testTuning(true).build()) {
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Kafka data directory " + dataDir.toAbsolutePath()
                            + " is in use by another broker; stop it or choose another directory");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("still-served", 1, (short) 1))).all().get();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> admin.listTopics().names().get().contains("still-served"));
            }
        }
    }

    @Test
    void aTemporaryDataDirectoryIsDeletedOnClose() {
        Path temp;
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().testTuning(true).build().start()) {
            temp = kafka.dataDir();
            assertThat(temp.resolve("meta.properties")).exists();
        }
        assertThat(Files.exists(temp)).isFalse();
    }

    @Test
    void aTakenPortIsAClearErrorNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                EmbeddedKafka kafka = EmbeddedKafka.builder().port(taken.getLocalPort()).dataDir(dataDir).build()) {
            assertThatThrownBy(kafka::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("Address already in use");
        }
    }

    private static EmbeddedKafka startOn(Path dir) {
        long t0 = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir).testTuning(true).build().start();
        LOG.info("broker started in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return kafka;
    }

    private static short transactionVersionOf(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.describeFeatures().featureMetadata().get().finalizedFeatures()
                    .get(EmbeddedKafka.TRANSACTION_VERSION_FEATURE).maxVersionLevel();
        }
    }

    private static String clusterIdOf(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafka kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-it-" + UUID.randomUUID());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the start with a fresh group until {@code expected} records came (or times out). */
    private static List<String> readAll(EmbeddedKafka kafka, String isolation, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
                return values.size() >= expected;
            });
            // Anything past the expected count would show up here and fail the exact assertions above.
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                values.add(r.value());
            }
        }
        return values;
    }
}
