package org.parley.sink;

import java.nio.file.Path;
import java.util.Properties;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.contracts.Topics;
import org.parley.contracts.metrics.MetricsSettings;

/**
 * The sink's settings, read from the environment by {@link #fromEnv} (docs/configuration.md lists every variable);
 * {@code parley sink} applies its options on top.
 *
 * @param kafka   how to reach Kafka and name the topics
 * @param outDir  where the sink writes its files
 * @param options rotation, compression, the GDELT export and the id bound
 * @param metrics where to serve {@code /metrics}, if anywhere
 */
public record SinkSettings(KafkaSettings kafka, Path outDir, SinkOptions options, MetricsSettings metrics) {
    public static final String OUT_DIR = "PARLEY_OUT_DIR";
    /** The port of the sink's {@code /metrics}; unset: none. */
    public static final String METRICS_PORT = "PARLEY_SINK_METRICS_PORT";

    public SinkSettings {
        if (outDir == null) {
            throw new IllegalArgumentException("the sink needs an output directory");
        }
        metrics = metrics == null ? MetricsSettings.off() : metrics;
    }

    /** Without a metrics endpoint. */
    public SinkSettings(KafkaSettings kafka, Path outDir, SinkOptions options) {
        this(kafka, outDir, options, null);
    }

    public static SinkSettings fromEnv(ParleyEnv env) {
        return new SinkSettings(KafkaSettings.fromEnv(env), env.path(OUT_DIR, Path.of("out")), SinkOptions.fromEnv(env),
                MetricsSettings.fromEnv(env, METRICS_PORT));
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
        return new SinkSettings(k, outDir, options, metrics);
    }

    public SinkSettings withOutDir(Path dir) {
        return new SinkSettings(kafka, dir, options, metrics);
    }

    public SinkSettings withOptions(SinkOptions o) {
        return new SinkSettings(kafka, outDir, o, metrics);
    }

    public SinkSettings withMetrics(MetricsSettings m) {
        return new SinkSettings(kafka, outDir, options, m);
    }
}
