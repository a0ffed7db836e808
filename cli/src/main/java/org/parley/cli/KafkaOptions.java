package org.parley.cli;

import java.nio.file.Path;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import picocli.CommandLine.Option;

/** Options every command that talks to Kafka shares. Defaults come from the PARLEY_* environment variables. */
public final class KafkaOptions {
    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $PARLEY_BOOTSTRAP_SERVERS, else the address 'parley run' "
                    + "or 'parley broker' wrote to $PARLEY_DATA/bootstrap (default .parley/bootstrap), else "
                    + "localhost:9092)")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "prefix of Parley's topic names (default: $PARLEY_TOPIC_PREFIX or parley)")
    String topicPrefix;

    @Option(names = "--client-properties", paramLabel = "FILE",
            description = "extra Kafka client settings, e.g. SASL/SSL (default: $PARLEY_CLIENT_PROPERTIES)")
    Path clientProperties;

    /** Whether --bootstrap-server names a broker (else {@code parley run} starts its own). */
    boolean namesABroker() {
        return bootstrapServers != null;
    }

    /** The environment's Kafka settings with these options applied on top. */
    public KafkaSettings settings() {
        return applyTo(KafkaSettings.fromEnv(ParleyEnv.system()));
    }

    /** {@code base} with these options applied on top. */
    KafkaSettings applyTo(KafkaSettings base) {
        KafkaSettings c = base;
        if (bootstrapServers != null) {
            c = c.withBootstrapServers(valid("--bootstrap-server", bootstrapServers));
        }
        if (topicPrefix != null) {
            c = c.withTopicPrefix(topicPrefix);
        }
        if (clientProperties != null) {
            c = c.withClientProperties(clientProperties);
        }
        return c;
    }

    /**
     * {@link #settings()}, with the broker found the way a user expects ({@code --bootstrap-server}, else
     * {@code $PARLEY_BOOTSTRAP_SERVERS}, else the address file of a running {@code parley run} or
     * {@code parley broker}, else localhost:9092) and checked to answer: else {@link CliFailure}, one line.
     */
    public KafkaSettings connect() {
        return connect(settings());
    }

    /** {@link #connect()} for a part whose own settings carry the Kafka settings to start from. */
    KafkaSettings connect(KafkaSettings base) {
        ParleyEnv env = ParleyEnv.system();
        KafkaSettings c = applyTo(base);
        String whence = "";
        if (bootstrapServers == null) {
            String fromEnv = env.get(KafkaSettings.BOOTSTRAP_SERVERS);
            Path dir = BrokerAddress.defaultDataDir(env);
            String found = BrokerAddress.read(dir);
            if (fromEnv != null) {
                c = c.withBootstrapServers(valid("$" + KafkaSettings.BOOTSTRAP_SERVERS, fromEnv));
                whence = " (from $" + KafkaSettings.BOOTSTRAP_SERVERS + ")";
            } else if (found != null) {
                Path file = BrokerAddress.file(dir);
                c = c.withBootstrapServers(valid(file.toString(), found));
                whence = " (from " + file + ", written by parley run or parley broker; it may have stopped)";
            } else {
                whence = " (the default: no --bootstrap-server, no $" + KafkaSettings.BOOTSTRAP_SERVERS + ", no "
                        + BrokerAddress.file(dir) + ")";
            }
        }
        BrokerAddress.requireReachable(c, whence, BrokerAddress.PROBE_TIMEOUT);
        return c;
    }

    private static String valid(String what, String servers) {
        try {
            return BrokerAddress.validate(servers);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(what + " " + e.getMessage(), 2);
        }
    }
}
