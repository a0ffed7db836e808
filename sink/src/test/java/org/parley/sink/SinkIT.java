package org.parley.sink;

import org.parley.testkit.TopicWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.sink.TestData.country;
import static org.parley.sink.TestData.dyad;
import static org.parley.sink.TestData.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.common.Json;
import org.parley.contracts.DeadLetterHeaders;
import org.parley.contracts.JsonSerde;
import org.parley.contracts.TopicAdmin;
import org.parley.contracts.Topics;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

@WithKafka
class SinkIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void writesEventsAndSnapshotsAndAfterRestartsOnlyWhatIsNew(KafkaFixture kafka) throws IOException {
        SinkSettings config = SinkFixture.settings(kafka);
        TopicAdmin.ensureTopics(config.kafka());
        Topics t = config.topics();
        List<ProducerRecord<byte[], byte[]>> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(eventRecord(t, "e" + i));
        }
        first.add(eventRecord(t, "e3")); // the same event twice on the topic
        first.add(record(t.dyadStance().name(), "RUS->USA", json(dyad("RUS", "USA", 1))));
        first.add(record(t.dyadStance().name(), "RUS->USA", json(dyad("RUS", "USA", 2))));
        first.add(record(t.dyadStance().name(), "USA->RUS", json(dyad("USA", "RUS", 1))));
        first.add(record(t.countryStance().name(), "RUS", json(country("RUS", 3))));
        first.add(record(t.dailyStance().name(), "RUS->USA@2026-11-25", json(dyad("RUS", "USA", 1))));
        first.add(record(t.dailyStance().name(), "USA->RUS@2026-11-26", json(dyad("USA", "RUS", 1))));
        produce(config, first);

        runUntilCaughtUp(config, 20);
        Path out = config.outDir();
        assertThat(eventIds(out)).hasSize(20).doesNotHaveDuplicates();
        JsonNode dyads = Json.mapper().readTree(out.resolve("stance/dyads.json").toFile());
        assertThat(dyads.get("RUS->USA").get("events").asLong()).isEqualTo(2);
        assertThat(dyads.has("USA->RUS")).isTrue();
        assertThat(Json.mapper().readTree(out.resolve("stance/countries.json").toFile()).has("RUS")).isTrue();
        assertThat(Json.mapper().readTree(out.resolve("stance/daily/2026-11-25.json").toFile()).has("RUS->USA"))
                .isTrue();
        assertThat(out.resolve("stance/daily/2026-11-26.json")).exists();

        // Second run: new events, one old event again, and a new value for only one dyad.
        List<ProducerRecord<byte[], byte[]>> second = new ArrayList<>();
        for (int i = 20; i < 30; i++) {
            second.add(eventRecord(t, "e" + i));
        }
        second.add(eventRecord(t, "e5"));
        second.add(record(t.dyadStance().name(), "RUS->USA", json(dyad("RUS", "USA", 3))));
        produce(config, second);

        SinkStats stats = runUntilCaughtUp(config, 10);
        assertThat(stats.duplicatesSkipped()).isEqualTo(1);
        assertThat(eventIds(out)).hasSize(30).doesNotHaveDuplicates();
        dyads = Json.mapper().readTree(out.resolve("stance/dyads.json").toFile());
        assertThat(dyads.get("RUS->USA").get("events").asLong()).isEqualTo(3);
        assertThat(dyads.has("USA->RUS")).as("a key from the first run survives").isTrue();

        // Third run without the stored offsets: everything is read again and nothing is written twice.
        Files.delete(out.resolve(".sink/offsets.json"));
        stats = runUntilCaughtUp(config, 0);
        assertThat(stats.duplicatesSkipped()).isEqualTo(32);
        assertThat(eventIds(out)).hasSize(30).doesNotHaveDuplicates();
        assertThat(Json.mapper().readTree(out.resolve("stance/dyads.json").toFile()).get("RUS->USA")
                .get("events").asLong()).isEqualTo(3);

        // Fourth run after deleting output files (the stored offsets stay): they are rebuilt from the topics.
        Files.delete(out.resolve("events.jsonl"));
        Files.delete(out.resolve("stance/dyads.json"));
        runUntilCaughtUp(config, 30);
        assertThat(eventIds(out)).hasSize(30).doesNotHaveDuplicates();
        dyads = Json.mapper().readTree(out.resolve("stance/dyads.json").toFile());
        assertThat(dyads.get("RUS->USA").get("events").asLong()).isEqualTo(3);
        assertThat(dyads.has("USA->RUS")).isTrue();
    }

    @Test
    void badValuesGoToTheDeadLetterTopicAndTheRestIsWritten(KafkaFixture kafka) throws IOException {
        SinkSettings config = SinkFixture.settings(kafka);
        TopicAdmin.ensureTopics(config.kafka());
        Topics t = config.topics();
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        produce(config, List.of(
                eventRecord(t, "good-1"),
                record(t.events().name(), "bad", garbage),
                eventRecord(t, "good-2"),
                record(t.dailyStance().name(), "RUS->USA@../../escaped", json(dyad("RUS", "USA", 1))),
                record(t.dailyStance().name(), "RUS->USA@2026-11-26", json(dyad("RUS", "USA", 1))),
                record(t.events().name(), "empty", "{}".getBytes(StandardCharsets.UTF_8))));

        SinkStats stats = runUntilCaughtUp(config, 2);

        assertThat(stats.deadLettered()).isEqualTo(3);
        assertThat(eventIds(config.outDir())).containsExactly("good-1", "good-2");
        assertThat(config.outDir().resolve("stance/daily/2026-11-26.json")).exists();
        try (Stream<Path> all = Files.walk(kafka.tempDir())) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("escaped"));
        }

        List<ConsumerRecord<byte[], byte[]>> dlq = readAll(config, t.deadLetters().name(), 3);
        assertThat(dlq).hasSize(3);
        assertThat(dlq).extracting(r -> header(r, DeadLetterHeaders.MESSAGE)).contains("event has no id");
        ConsumerRecord<byte[], byte[]> bad = dlq.stream()
                .filter(r -> header(r, DeadLetterHeaders.TOPIC).equals(t.events().name())).findFirst().orElseThrow();
        assertThat(bad.value()).isEqualTo(garbage);
        assertThat(header(bad, DeadLetterHeaders.COMPONENT)).isEqualTo("sink");
        assertThat(header(bad, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(bad, DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(header(bad, DeadLetterHeaders.MESSAGE)).contains("Event");
        ConsumerRecord<byte[], byte[]> badKey = dlq.stream()
                .filter(r -> header(r, DeadLetterHeaders.TOPIC).equals(t.dailyStance().name())).findFirst()
                .orElseThrow();
        assertThat(new String(badKey.key(), StandardCharsets.UTF_8)).isEqualTo("RUS->USA@../../escaped");
        assertThat(header(badKey, DeadLetterHeaders.MESSAGE)).contains("ISO date");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedFailsAtStart(KafkaFixture kafka) throws IOException {
        Path notADir = kafka.tempDir().resolve("a-file");
        Files.writeString(notADir, "x");
        SinkSettings config = SinkFixture.settings(kafka).withOutDir(notADir.resolve("out"));

        try (SinkApp sink = new SinkApp(config)) {
            assertThatThrownBy(sink::start).isInstanceOf(SinkException.class)
                    .hasMessageContaining(notADir.resolve("out").toString());
            assertThat(sink.stats().lastError()).isNotNull();
        }
    }

    @Test
    void aFailedWriteStopsTheSinkWithoutCommittingTheUnwrittenRecord(KafkaFixture kafka) throws Exception {
        SinkSettings config = SinkFixture.settings(kafka);
        TopicAdmin.ensureTopics(config.kafka());
        Topics t = config.topics();
        produce(config, List.of(record(t.dailyStance().name(), "RUS->USA@2026-11-25", json(dyad("RUS", "USA", 1)))));
        TopicPartition daily = new TopicPartition(t.dailyStance().name(), 0);

        try (SinkApp sink = new SinkApp(config)) {
            sink.start();
            await().atMost(WAIT).until(() -> sink.lag() == 0 && committed(kafka, config, daily) > 0);
            long before = committed(kafka, config, daily);

            // The daily directory turns into a file: the next daily snapshot cannot be written.
            Path dailyDir = config.outDir().resolve("stance/daily");
            try (Stream<Path> files = Files.list(dailyDir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dailyDir);
            Files.writeString(dailyDir, "in the way");
            produce(config, List.of(record(t.dailyStance().name(), "RUS->USA@2026-11-26",
                    json(dyad("RUS", "USA", 1)))));

            await().atMost(WAIT).until(() -> !sink.isRunning());
            assertThat(sink.stats().lastError()).contains("2026-11-26.json");
            assertThat(committed(kafka, config, daily)).isEqualTo(before);
        }
    }

    /**
     * Needs a small file system: {@code -Dparley.sink.smallFs=DIR} names one; otherwise the test mounts a 64 KiB
     * tmpfs itself, which works as root (CI runs as root) and where mounting is allowed, and is skipped with the
     * reason where it is not.
     */
    @Test
    void aFullDiskStopsTheSinkAndCommitsNoUnwrittenEvent(KafkaFixture kafka) throws Exception {
        String given = System.getProperty("parley.sink.smallFs");
        try (SmallFileSystem fs = given != null ? SmallFileSystem.existing(Path.of(given))
                : SmallFileSystem.mount(64 * 1024)) {
            Assumptions.assumeTrue(fs.root() != null, () -> "no small file system for the full-disk test: "
                    + fs.why() + "; run as root, or set -Dparley.sink.smallFs=DIR to a small file system");
            fillTheDisk(kafka, SinkFixture.settings(kafka).withOutDir(fs.root().resolve(kafka.uniqueName("out"))));
        }
    }

    private void fillTheDisk(KafkaFixture kafka, SinkSettings config) throws Exception {
        TopicAdmin.ensureTopics(config.kafka());
        Topics t = config.topics();
        List<ProducerRecord<byte[], byte[]>> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(eventRecord(t, "full-" + i));
        }
        produce(config, many);
        TopicPartition events = new TopicPartition(t.events().name(), 0);

        try (SinkApp sink = new SinkApp(config)) {
            sink.start();
            await().atMost(WAIT).until(() -> !sink.isRunning());
            assertThat(sink.stats().lastError()).contains("events.jsonl").contains("No space left on device");
        }
        long completeLines;
        try (Stream<String> lines = Files.lines(config.outDir().resolve("events.jsonl"))) {
            completeLines = lines.filter(l -> l.endsWith("}")).count();
        }
        assertThat(completeLines).as("some events fit before the disk was full").isPositive();
        assertThat(committed(kafka, config, events)).isLessThan(400).isLessThanOrEqualTo(completeLines);
        try (Stream<Path> files = Files.walk(config.outDir())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A small file system for the full-disk test: one given, or a tmpfs this test mounts and unmounts. */
    private static final class SmallFileSystem implements AutoCloseable {
        private final Path root;
        private final boolean mounted;
        private final String why;

        private SmallFileSystem(Path root, boolean mounted, String why) {
            this.root = root;
            this.mounted = mounted;
            this.why = why;
        }

        static SmallFileSystem existing(Path dir) {
            return new SmallFileSystem(dir, false, null);
        }

        /** Mounts a tmpfs of {@code bytes} on a new temporary directory; root() is null when that fails. */
        static SmallFileSystem mount(long bytes) throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("parley-small-fs-");
            String result = run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString());
            if (result != null) {
                Files.deleteIfExists(dir);
                return new SmallFileSystem(null, false, result);
            }
            return new SmallFileSystem(dir, true, null);
        }

        Path root() {
            return root;
        }

        String why() {
            return why;
        }

        /** Null when the command succeeded, else what went wrong. */
        private static String run(String... command) throws IOException, InterruptedException {
            Process p;
            try {
                p = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                return "cannot run " + command[0] + ": " + e.getMessage();
            }
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish within 20 s";
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? null : String.join(" ", command) + " failed with " + p.exitValue()
                    + (output.isEmpty() ? "" : ": " + output);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (mounted) {
                String result = run("umount", root.toString());
                if (result != null) {
                    throw new IllegalStateException("cannot unmount the test's tmpfs at " + root + ": " + result);
                }
                Files.deleteIfExists(root);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** Runs a sink until it has read everything and written {@code expectedEvents} new events; then stops it. */
    static SinkStats runUntilCaughtUp(SinkSettings config, long expectedEvents) {
        try (SinkApp sink = new SinkApp(config)) {
            sink.start();
            await().atMost(WAIT).until(() -> sink.lag() == 0 && sink.stats().eventsWritten() >= expectedEvents
                    || !sink.isRunning());
            assertThat(sink.stats().lastError()).isNull();
            assertThat(sink.stats().eventsWritten()).isEqualTo(expectedEvents);
            sink.close();
            return sink.stats();
        }
    }

    static List<String> eventIds(Path out) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("events.jsonl"))) {
            ids.add(Json.mapper().readTree(line).get("id").asText());
        }
        return ids;
    }

    static ProducerRecord<byte[], byte[]> eventRecord(Topics t, String id) {
        return record(t.events().name(), id, JsonSerde.of(org.parley.common.Event.class).toBytes(event(id)));
    }

    static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Produces in one transaction, as the processor does (exactly_once_v2). */
    static void produce(SinkSettings config, List<ProducerRecord<byte[], byte[]>> records) {
        TopicWriter.produceInTransaction(config.kafka(), records);
    }

    private static long committed(KafkaFixture kafka, SinkSettings config, TopicPartition tp) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> m = kafka.admin()
                .listConsumerGroupOffsets(config.groupId()).partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata om = m.get(tp);
        return om == null ? -1 : om.offset();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(SinkSettings config, String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config.kafkaProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> tps = c.partitionsFor(topic).stream()
                    .map(pi -> new TopicPartition(topic, pi.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            await().atMost(WAIT).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(got::add);
                return got.size() >= expected;
            });
        }
        return got;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
