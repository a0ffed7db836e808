package org.parley.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * How every part reaches Kafka and names its topics: the settings ingest, processor and sink share. Each part
 * has its own record on top (the processor's {@code ProcessorSettings}, the sink's {@code SinkSettings}, ingest's
 * {@code IngestBounds}); the variables are read by {@link ParleyEnv} and listed in docs/configuration.md.
 *
 * @param bootstrapServers     Kafka bootstrap servers
 * @param topicPrefix          prefix of every topic name
 * @param partitions           partitions of each topic Parley creates
 * @param replication          replication factor of each topic Parley creates
 * @param clientPropertiesFile extra Kafka client settings (security, for example), or null
 */
public record KafkaSettings(String bootstrapServers, String topicPrefix, int partitions, short replication,
                            Path clientPropertiesFile) {
    public static final String BOOTSTRAP_SERVERS = "PARLEY_BOOTSTRAP_SERVERS";
    public static final String TOPIC_PREFIX = "PARLEY_TOPIC_PREFIX";
    public static final String PARTITIONS = "PARLEY_PARTITIONS";
    public static final String REPLICATION = "PARLEY_REPLICATION";
    public static final String CLIENT_PROPERTIES = "PARLEY_CLIENT_PROPERTIES";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    public static KafkaSettings defaults() {
        return fromEnv(ParleyEnv.empty());
    }

    public static KafkaSettings fromEnv(ParleyEnv env) {
        return new KafkaSettings(env.string(BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS),
                env.string(TOPIC_PREFIX, Topics.DEFAULT_PREFIX), env.integer(PARTITIONS, 3),
                (short) env.integer(REPLICATION, 1), env.path(CLIENT_PROPERTIES, null));
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }

    public KafkaSettings withBootstrapServers(String v) {
        return new KafkaSettings(v, topicPrefix, partitions, replication, clientPropertiesFile);
    }

    public KafkaSettings withTopicPrefix(String v) {
        return new KafkaSettings(bootstrapServers, v, partitions, replication, clientPropertiesFile);
    }

    public KafkaSettings withPartitions(int p, short r) {
        return new KafkaSettings(bootstrapServers, topicPrefix, p, r, clientPropertiesFile);
    }

    public KafkaSettings withClientProperties(Path v) {
        return new KafkaSettings(bootstrapServers, topicPrefix, partitions, replication, v);
    }

    /**
     * Base properties for any Kafka client: bootstrap servers plus whatever the client properties file sets
     * (SASL and SSL settings, for example). Callers add their own settings on top.
     */
    public Properties kafkaProperties() {
        Properties props = new Properties();
        if (clientPropertiesFile != null) {
            try (InputStream in = Files.newInputStream(clientPropertiesFile)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Kafka client properties " + clientPropertiesFile, e);
            }
        }
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /**
     * For logging: the settings, and of the client properties file only its path and the names it sets. Its values
     * may be secrets (passwords, JAAS configurations), so they are never printed.
     */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bootstrap", bootstrapServers);
        m.put("topicPrefix", topicPrefix);
        m.put("partitions", partitions);
        m.put("replication", replication);
        if (clientPropertiesFile != null) {
            Properties file = kafkaProperties();
            file.remove("bootstrap.servers");
            m.put("clientProperties", clientPropertiesFile + " " + new TreeSet<>(file.stringPropertyNames()));
        }
        return m;
    }
}
