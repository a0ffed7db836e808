package org.parley.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.parley.contracts.KafkaSettings;

/**
 * What one test gets from {@link KafkaExtension}: the shared broker's address plus names and directories of
 * its own. A test method and its {@code @BeforeEach} methods receive the same fixture; it is closed after
 * the test (its admin client closed, its temporary directory deleted).
 */
public final class KafkaFixture implements AutoCloseable {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final int MAX_SLUG = 32;

    private final SharedKafka kafka;
    private final String slug;
    private Path tempDir;
    private KafkaSettings config;
    private String applicationId;
    private Admin admin;

    KafkaFixture(SharedKafka kafka, String testName) {
        this.kafka = kafka;
        this.slug = slug(testName);
    }

    /** Bootstrap servers of the JVM's one broker. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Which broker this JVM runs: embedded or container. */
    public KafkaChoice kind() {
        return kafka.choice();
    }

    /**
     * A name no other call in this JVM returns, made of {@code prefix}, the test's name and a counter; usable as
     * a topic name, topic prefix, group id or Streams application id. Each call gives a new name.
     */
    public String uniqueName(String prefix) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("name prefix must be letters, digits, '.' or '-': " + prefix);
        }
        return prefix + "-" + slug + "-" + COUNTER.incrementAndGet();
    }

    /**
     * The Kafka settings for this test, the same object on every call: this broker, a fresh topic prefix, 1
     * partition and 1 replica. The parts' own settings take {@link #applicationId}, {@link #stateDir} and
     * {@link #outDir}.
     */
    public synchronized KafkaSettings config() {
        if (config == null) {
            config = KafkaSettings.defaults()
                    .withBootstrapServers(bootstrapServers())
                    .withTopicPrefix(uniqueName("parley"))
                    .withPartitions(1, (short) 1);
        }
        return config;
    }

    /** A fresh Kafka Streams application id for this test, the same on every call. */
    public synchronized String applicationId() {
        if (applicationId == null) {
            applicationId = uniqueName("app");
        }
        return applicationId;
    }

    /** A fresh state directory under {@link #tempDir}, created. */
    public Path stateDir() {
        Path state = tempDir().resolve("state");
        try {
            return Files.createDirectories(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + state, e);
        }
    }

    /** Where this test's sink writes, under {@link #tempDir} (not created: the sink creates it). */
    public Path outDir() {
        return tempDir().resolve("out");
    }

    /** A temporary directory of this test, deleted after it. */
    public synchronized Path tempDir() {
        if (tempDir == null) {
            try {
                tempDir = Files.createTempDirectory("parley-test-" + slug + "-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory", e);
            }
        }
        return tempDir;
    }

    /** An admin client on the broker, closed after the test. */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (tempDir != null) {
            deleteRecursively(tempDir);
            tempDir = null;
        }
    }

    static String slug(String testName) {
        String s = testName == null ? "" : testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > MAX_SLUG) {
            s = s.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "test" : s;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp directory must not fail the test
        }
    }
}
