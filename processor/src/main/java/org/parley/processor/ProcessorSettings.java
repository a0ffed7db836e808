package org.parley.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.contracts.Topics;
import org.parley.processor.subscribe.DerivedTopic;

/**
 * The processor's settings, read from the environment by {@link #fromEnv} (docs/configuration.md lists every
 * variable); {@code parley process} and {@code parley run} apply their options on top.
 *
 * @param kafka           how to reach Kafka and name the topics
 * @param applicationId   Kafka Streams application id: instances with the same id share the work
 * @param stateDir        Kafka Streams state directory, or null for Kafka Streams' default
 * @param httpBind        address the HTTP API binds
 * @param httpPort        port of the HTTP API (0: any free port; -1: no HTTP API)
 * @param httpTokenFile   a file holding the bearer token the HTTP API requires, or null for none. The token itself
 *                        is never held here, so that printing the settings cannot leak it
 * @param standbyReplicas warm copies of each state store that other instances keep (num.standby.replicas), so
 *                        that a failed instance's work resumes without a full restore
 * @param limits          bounds on what one input may cost
 * @param derived         the derived topics to fill
 * @param coderWarmUpMs   how long {@link ProcessorApp#start} may code built-in sentences before the stream threads
 *                        start, so that the JIT compiler has compiled the coder's hot paths before the first article
 *                        (see {@link org.parley.processor.coding.CoderWarmUp}); 0: no warm-up
 */
public record ProcessorSettings(KafkaSettings kafka, String applicationId, Path stateDir, String httpBind,
                                int httpPort, Path httpTokenFile, int standbyReplicas, ProcessorLimits limits,
                                List<DerivedTopic> derived, int coderWarmUpMs) {
    public static final String APPLICATION_ID = "PARLEY_APPLICATION_ID";
    public static final String STATE_DIR = "PARLEY_STATE_DIR";
    public static final String HTTP_BIND = "PARLEY_HTTP_BIND";
    public static final String HTTP_PORT = "PARLEY_HTTP_PORT";
    public static final String HTTP_TOKEN_FILE = "PARLEY_HTTP_TOKEN_FILE";
    public static final String STANDBY_REPLICAS = "PARLEY_STANDBY_REPLICAS";
    public static final String CODER_WARMUP_MS = "PARLEY_CODER_WARMUP_MS";
    /**
     * Off: on the loaded 2-core bench machine the warm-up made the first article of a fresh JVM 3 to 4 times faster
     * but did not lower the bench's cold p99 (docs/benchmarks.md, "Sixth round"). 2000 suits a processor started
     * ahead of its traffic.
     */
    public static final int DEFAULT_CODER_WARMUP_MS = 0;
    public static final String DEFAULT_APPLICATION_ID = "parley-processor";

    public ProcessorSettings {
        derived = List.copyOf(derived);
        if (coderWarmUpMs < 0) {
            throw new IllegalArgumentException(CODER_WARMUP_MS + " must be 0 or more, got " + coderWarmUpMs);
        }
    }

    public static ProcessorSettings defaults() {
        return fromEnv(ParleyEnv.empty());
    }

    /** The processor's settings with {@code kafka} and every other setting at its default. */
    public static ProcessorSettings of(KafkaSettings kafka) {
        return defaults().withKafka(kafka);
    }

    public static ProcessorSettings fromEnv(ParleyEnv env) {
        return new ProcessorSettings(KafkaSettings.fromEnv(env), env.string(APPLICATION_ID, DEFAULT_APPLICATION_ID),
                env.path(STATE_DIR, null), env.string(HTTP_BIND, "127.0.0.1"), env.integer(HTTP_PORT, 7070),
                env.path(HTTP_TOKEN_FILE, null), env.integer(STANDBY_REPLICAS, 0), ProcessorLimits.fromEnv(env),
                DerivedTopic.fromEnv(env), env.integer(CODER_WARMUP_MS, DEFAULT_CODER_WARMUP_MS));
    }

    public Topics topics() {
        return kafka.topics();
    }

    /** Base properties of every Kafka client of the processor (see {@link KafkaSettings#kafkaProperties}). */
    public Properties kafkaProperties() {
        return kafka.kafkaProperties();
    }

    public ProcessorSettings withKafka(KafkaSettings k) {
        return new ProcessorSettings(k, applicationId, stateDir, httpBind, httpPort, httpTokenFile, standbyReplicas,
                limits, derived, coderWarmUpMs);
    }

    public ProcessorSettings withBootstrapServers(String servers) {
        return withKafka(kafka.withBootstrapServers(servers));
    }

    public ProcessorSettings withTopicPrefix(String prefix) {
        return withKafka(kafka.withTopicPrefix(prefix));
    }

    public ProcessorSettings withPartitions(int partitions, short replication) {
        return withKafka(kafka.withPartitions(partitions, replication));
    }

    public ProcessorSettings withClientProperties(Path file) {
        return withKafka(kafka.withClientProperties(file));
    }

    public ProcessorSettings withApplicationId(String id) {
        return new ProcessorSettings(kafka, id, stateDir, httpBind, httpPort, httpTokenFile, standbyReplicas, limits,
                derived, coderWarmUpMs);
    }

    public ProcessorSettings withStateDir(Path dir) {
        return new ProcessorSettings(kafka, applicationId, dir, httpBind, httpPort, httpTokenFile, standbyReplicas,
                limits, derived, coderWarmUpMs);
    }

    public ProcessorSettings withHttp(String bind, int port) {
        return new ProcessorSettings(kafka, applicationId, stateDir, bind, port, httpTokenFile, standbyReplicas,
                limits, derived, coderWarmUpMs);
    }

    public ProcessorSettings withHttpTokenFile(Path file) {
        return new ProcessorSettings(kafka, applicationId, stateDir, httpBind, httpPort, file, standbyReplicas, limits,
                derived, coderWarmUpMs);
    }

    public ProcessorSettings withStandbyReplicas(int n) {
        return new ProcessorSettings(kafka, applicationId, stateDir, httpBind, httpPort, httpTokenFile, n, limits,
                derived, coderWarmUpMs);
    }

    public ProcessorSettings withLimits(ProcessorLimits l) {
        return new ProcessorSettings(kafka, applicationId, stateDir, httpBind, httpPort, httpTokenFile,
                standbyReplicas, l, derived, coderWarmUpMs);
    }

    public ProcessorSettings withDerived(List<DerivedTopic> topics) {
        return new ProcessorSettings(kafka, applicationId, stateDir, httpBind, httpPort, httpTokenFile,
                standbyReplicas, limits, topics, coderWarmUpMs);
    }

    public ProcessorSettings withCoderWarmUp(int ms) {
        return new ProcessorSettings(kafka, applicationId, stateDir, httpBind, httpPort, httpTokenFile,
                standbyReplicas, limits, derived, ms);
    }

    /**
     * The bearer token the HTTP API requires, read from {@link #httpTokenFile} (surrounding whitespace removed), or
     * empty when no file is set. Never log it.
     */
    public Optional<String> httpToken() {
        if (httpTokenFile == null) {
            return Optional.empty();
        }
        String token;
        try {
            token = Files.readString(httpTokenFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HTTP token file " + httpTokenFile + " ("
                    + HTTP_TOKEN_FILE + ")", e);
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the HTTP token file " + httpTokenFile + " (" + HTTP_TOKEN_FILE
                    + ") is empty");
        }
        return Optional.of(token);
    }

    /** For logging: never the token, nor the values of the client properties file (see {@link KafkaSettings}). */
    public Map<String, Object> describe() {
        Map<String, Object> m = kafka.describe();
        m.put("applicationId", applicationId);
        m.put("standbyReplicas", standbyReplicas);
        m.put("coderWarmUpMs", coderWarmUpMs);
        if (httpTokenFile != null) {
            m.put("httpTokenFile", httpTokenFile.toString());
        }
        return m;
    }
}
