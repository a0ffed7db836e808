package org.parley.sink;

import java.nio.file.Path;
import java.util.Properties;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.contracts.Topics;

/**
 * The sink's settings, read from the environment by {@link #fromEnv} (docs/configuration.md lists every variable);
 * {@code parley sink} applies its options on top.
 *
 * @param kafka   how to reach Kafka and name the topics
 * @param outDir  where the sink writes its files
 * @param options rotation, compression, the GDELT export and the id bound
 */
public record SinkSettings(KafkaSettings kafka, Path outDir, SinkOptions options) {
    public static final String OUT_DIR = "PARLEY_OUT_DIR";

    public SinkSettings {
        if (outDir == null) {
            throw new IllegalArgumentException("the sink needs an output directory");
        }
    }

    public static SinkSettings fromEnv(ParleyEnv env) {
        return new SinkSettings(KafkaSettings.fromEnv(env), env.path(OUT_DIR, Path.of("out")), SinkOptions.fromEnv(env));
    }

    /** The sink's defaults with {@code kafka}, writing to {@code outDir}. */
    public static SinkSettings of(KafkaSettings kafka, Path outDir) {
        return new SinkSettings(kafka, outDir, SinkOptions.defaults());
    }

    public Topics topics() {
        return kafka.topics();
    }

    public Properties kafkaProperties() {
        return kafka.kafkaProperties();
    }

    /** Consumer group of the sink: one per topic prefix, so two pipelines on one cluster never share offsets. */
    public String groupId() {
        return groupId(kafka);
    }

    /** The sink's consumer group on {@code kafka}: for tools that watch how far it has read. */
    public static String groupId(KafkaSettings kafka) {
        return kafka.topicPrefix() + ".sink";
    }

    public SinkSettings withKafka(KafkaSettings k) {
        return new SinkSettings(k, outDir, options);
    }

    public SinkSettings withOutDir(Path dir) {
        return new SinkSettings(kafka, dir, options);
    }

    public SinkSettings withOptions(SinkOptions o) {
        return new SinkSettings(kafka, outDir, o);
    }
}
