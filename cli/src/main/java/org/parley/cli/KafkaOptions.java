package org.parley.cli;

import java.nio.file.Path;
import org.parley.contracts.ParleyConfig;
import picocli.CommandLine.Option;

/** Options every command that talks to Kafka shares. Defaults come from the PARLEY_* environment variables. */
public final class KafkaOptions {
    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $PARLEY_BOOTSTRAP_SERVERS or localhost:9092)")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "prefix of Parley's topic names (default: $PARLEY_TOPIC_PREFIX or parley)")
    String topicPrefix;

    @Option(names = "--client-properties", paramLabel = "FILE",
            description = "extra Kafka client settings, e.g. SASL/SSL (default: $PARLEY_CLIENT_PROPERTIES)")
    Path clientProperties;

    /** The environment's configuration with these options applied on top. */
    public ParleyConfig config() {
        ParleyConfig c = ParleyConfig.fromEnv();
        if (bootstrapServers != null) {
            c = c.withBootstrapServers(bootstrapServers);
        }
        if (topicPrefix != null) {
            c = c.withTopicPrefix(topicPrefix);
        }
        if (clientProperties != null) {
            c = c.withClientProperties(clientProperties);
        }
        return c;
    }
}
