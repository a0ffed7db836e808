package org.parley.testkit;

import java.util.Map;
import org.parley.local.EmbeddedKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one broker of a test JVM. JUnit closes it (it is {@link AutoCloseable} and lives in the root store)
 * after the JVM's last test.
 */
final class SharedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedKafka.class);

    /** System property naming the container image; the default matches the embedded broker's Kafka version. */
    static final String IMAGE_PROPERTY = "parley.kafka.image";
    static final String DEFAULT_IMAGE = "apache/kafka-native:4.4.0";

    private final KafkaChoice choice;
    private final String bootstrapServers;
    private final AutoCloseable broker;

    private SharedKafka(KafkaChoice choice, String bootstrapServers, AutoCloseable broker) {
        this.choice = choice;
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    static SharedKafka start() {
        KafkaChoice choice = KafkaChoice.choose(System.getProperty(KafkaChoice.PROPERTY),
                () -> DockerClientFactory.instance().isDockerAvailable());
        long t0 = System.nanoTime();
        SharedKafka kafka = choice == KafkaChoice.CONTAINER ? startContainer() : startEmbedded();
        LOG.info("test Kafka: {} at {}, ready in {} ms (force with -D{}=embedded|container)", choice,
                kafka.bootstrapServers, (System.nanoTime() - t0) / 1_000_000, KafkaChoice.PROPERTY);
        return kafka;
    }

    private static SharedKafka startEmbedded() {
        EmbeddedKafka kafka = EmbeddedKafka.builder().testTuning(true).build();
        try {
            kafka.start();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return new SharedKafka(KafkaChoice.EMBEDDED, kafka.bootstrapServers(), kafka);
    }

    @SuppressWarnings("resource") // closed by close()
    private static SharedKafka startContainer() {
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        KafkaContainer container = new KafkaContainer(image)
                // The same fast-group settings as the embedded broker (see EmbeddedKafka).
                .withEnv(Map.of(
                        "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0",
                        "KAFKA_GROUP_STREAMS_INITIAL_REBALANCE_DELAY_MS", "0",
                        "KAFKA_GROUP_STREAMS_ASSIGNMENT_INTERVAL_MS", "0",
                        "KAFKA_GROUP_STREAMS_MIN_HEARTBEAT_INTERVAL_MS", "500",
                        "KAFKA_GROUP_STREAMS_HEARTBEAT_INTERVAL_MS", "500",
                        "KAFKA_GROUP_CONSUMER_MIN_HEARTBEAT_INTERVAL_MS", "500",
                        "KAFKA_GROUP_CONSUMER_HEARTBEAT_INTERVAL_MS", "500",
                        "KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1",
                        "KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1",
                        "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1"));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new IllegalStateException("cannot start Kafka container " + image
                    + " (use -D" + KafkaChoice.PROPERTY + "=embedded to run without Docker)", e);
        }
        return new SharedKafka(KafkaChoice.CONTAINER, container.getBootstrapServers(), container);
    }

    KafkaChoice choice() {
        return choice;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() throws Exception {
        LOG.debug("stopping test Kafka ({})", choice);
        broker.close();
    }
}
