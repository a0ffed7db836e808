package org.parley.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Settings every Parley process shares. Each comes from an environment variable (the names are the
 * constants below, and docker-compose.yml uses exactly these) and may be overridden on the command line.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param topicPrefix      prefix of every topic name
 * @param partitions       partitions of each topic Parley creates
 * @param replication      replication factor of each topic Parley creates
 * @param applicationId    Kafka Streams application id of the processor
 * @param stateDir         Kafka Streams state directory, or null for the default
 * @param httpBind         address the processor's HTTP API binds
 * @param httpPort         port of the processor's HTTP API
 * @param outDir           where the sink writes its files
 * @param clientPropertiesFile extra Kafka client settings (security, for example), or null
 * @param standbyReplicas  warm copies of each state store that other processor instances keep (Kafka Streams'
 *                         num.standby.replicas), so that a failed instance's work resumes without a full restore
 * @param httpTokenFile    a file holding the bearer token the HTTP API requires, or null for no token. The token
 *                         itself is never held here, so that printing the configuration cannot leak it
 */
public record ParleyConfig(
        String bootstrapServers,
        String topicPrefix,
        int partitions,
        short replication,
        String applicationId,
        Path stateDir,
        String httpBind,
        int httpPort,
        Path outDir,
        Path clientPropertiesFile,
        int standbyReplicas,
        Path httpTokenFile) {

    public static final String BOOTSTRAP_SERVERS = "PARLEY_BOOTSTRAP_SERVERS";
    public static final String TOPIC_PREFIX = "PARLEY_TOPIC_PREFIX";
    public static final String PARTITIONS = "PARLEY_PARTITIONS";
    public static final String REPLICATION = "PARLEY_REPLICATION";
    public static final String APPLICATION_ID = "PARLEY_APPLICATION_ID";
    public static final String STATE_DIR = "PARLEY_STATE_DIR";
    public static final String HTTP_BIND = "PARLEY_HTTP_BIND";
    public static final String HTTP_PORT = "PARLEY_HTTP_PORT";
    public static final String OUT_DIR = "PARLEY_OUT_DIR";
    public static final String CLIENT_PROPERTIES = "PARLEY_CLIENT_PROPERTIES";
    public static final String STANDBY_REPLICAS = "PARLEY_STANDBY_REPLICAS";
    public static final String HTTP_TOKEN_FILE = "PARLEY_HTTP_TOKEN_FILE";

    /** Every environment variable {@link #fromEnv(Map)} reads. */
    public static final java.util.List<String> ENV_KEYS = java.util.List.of(BOOTSTRAP_SERVERS, TOPIC_PREFIX,
            PARTITIONS, REPLICATION, APPLICATION_ID, STATE_DIR, HTTP_BIND, HTTP_PORT, OUT_DIR, CLIENT_PROPERTIES,
            STANDBY_REPLICAS, HTTP_TOKEN_FILE);

    public static ParleyConfig defaults() {
        return fromEnv(Map.of());
    }

    public static ParleyConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    public static ParleyConfig fromEnv(Map<String, String> env) {
        return new ParleyConfig(
                env.getOrDefault(BOOTSTRAP_SERVERS, "localhost:9092"),
                env.getOrDefault(TOPIC_PREFIX, Topics.DEFAULT_PREFIX),
                EnvValues.intValue(env, PARTITIONS, 3),
                (short) EnvValues.intValue(env, REPLICATION, 1),
                env.getOrDefault(APPLICATION_ID, "parley-processor"),
                pathValue(env, STATE_DIR, null),
                env.getOrDefault(HTTP_BIND, "127.0.0.1"),
                EnvValues.intValue(env, HTTP_PORT, 7070),
                pathValue(env, OUT_DIR, Path.of("out")),
                pathValue(env, CLIENT_PROPERTIES, null),
                EnvValues.intValue(env, STANDBY_REPLICAS, 0),
                pathValue(env, HTTP_TOKEN_FILE, null));
    }

    private static Path pathValue(Map<String, String> env, String key, Path dflt) {
        String v = env.get(key);
        return v == null || v.isBlank() ? dflt : Path.of(v);
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }

    /** Consumer group of the sink: one per topic prefix, so two pipelines on one cluster never share offsets. */
    public String sinkGroupId() {
        return topicPrefix + ".sink";
    }

    public ParleyConfig withBootstrapServers(String v) {
        return new ParleyConfig(v, topicPrefix, partitions, replication, applicationId, stateDir, httpBind, httpPort,
                outDir, clientPropertiesFile, standbyReplicas, httpTokenFile);
    }

    public ParleyConfig withTopicPrefix(String v) {
        return new ParleyConfig(bootstrapServers, v, partitions, replication, applicationId, stateDir, httpBind,
                httpPort, outDir, clientPropertiesFile, standbyReplicas, httpTokenFile);
    }

    public ParleyConfig withPartitions(int p, short r) {
        return new ParleyConfig(bootstrapServers, topicPrefix, p, r, applicationId, stateDir, httpBind, httpPort,
                outDir, clientPropertiesFile, standbyReplicas, httpTokenFile);
    }

    public ParleyConfig withApplicationId(String v) {
        return new ParleyConfig(bootstrapServers, topicPrefix, partitions, replication, v, stateDir, httpBind,
                httpPort, outDir, clientPropertiesFile, standbyReplicas, httpTokenFile);
    }

    public ParleyConfig withStateDir(Path v) {
        return new ParleyConfig(bootstrapServers, topicPrefix, partitions, replication, applicationId, v, httpBind,
                httpPort, outDir, clientPropertiesFile, standbyReplicas, httpTokenFile);
    }

    public ParleyConfig withHttp(String bind, int port) {
        return new ParleyConfig(bootstrapServers, topicPrefix, partitions, replication, applicationId, stateDir, bind,
                port, outDir, clientPropertiesFile, standbyReplicas, httpTokenFile);
    }

    public ParleyConfig withOutDir(Path v) {
        return new ParleyConfig(bootstrapServers, topicPrefix, partitions, replication, applicationId, stateDir,
                httpBind, httpPort, v, clientPropertiesFile, standbyReplicas, httpTokenFile);
    }

    public ParleyConfig withClientProperties(Path v) {
        return new ParleyConfig(bootstrapServers, topicPrefix, partitions, replication, applicationId, stateDir,
                httpBind, httpPort, outDir, v, standbyReplicas, httpTokenFile);
    }

    public ParleyConfig withStandbyReplicas(int v) {
        return new ParleyConfig(bootstrapServers, topicPrefix, partitions, replication, applicationId, stateDir,
                httpBind, httpPort, outDir, clientPropertiesFile, v, httpTokenFile);
    }

    public ParleyConfig withHttpTokenFile(Path v) {
        return new ParleyConfig(bootstrapServers, topicPrefix, partitions, replication, applicationId, stateDir,
                httpBind, httpPort, outDir, clientPropertiesFile, standbyReplicas, v);
    }

    /**
     * The bearer token the HTTP API requires, read from {@link #httpTokenFile} (surrounding whitespace removed), or
     * empty when no file is set. Never log it.
     */
    public java.util.Optional<String> httpToken() {
        if (httpTokenFile == null) {
            return java.util.Optional.empty();
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
        return java.util.Optional.of(token);
    }

    /**
     * Base properties for any Kafka client: bootstrap servers plus whatever the client properties file sets
     * (SASL and SSL settings, for example). The file wins over nothing; callers add their own settings on top.
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
        m.put("applicationId", applicationId);
        m.put("standbyReplicas", standbyReplicas);
        if (httpTokenFile != null) {
            m.put("httpTokenFile", httpTokenFile.toString());
        }
        if (clientPropertiesFile != null) {
            Properties file = kafkaProperties();
            file.remove("bootstrap.servers");
            m.put("clientProperties", clientPropertiesFile + " " + new java.util.TreeSet<>(file.stringPropertyNames()));
        }
        return m;
    }
}
