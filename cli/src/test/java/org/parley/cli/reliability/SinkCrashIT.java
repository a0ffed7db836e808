package org.parley.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.cli.reliability.SinkRecords.dyad;
import static org.parley.cli.reliability.SinkRecords.eventRecord;
import static org.parley.cli.reliability.SinkRecords.json;
import static org.parley.cli.reliability.SinkRecords.produce;
import static org.parley.cli.reliability.SinkRecords.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.parley.cli.PartSettings;
import org.parley.common.Json;
import org.parley.contracts.TopicAdmin;
import org.parley.contracts.Topics;
import org.parley.sink.SinkSettings;
import org.parley.sink.events.EventLog;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * {@code bin/parley sink} as a separate process, killed with SIGKILL at random moments while events stream in and
 * restarted each time: in the end every event is on disk exactly once and every JSON file parses. It rotates small
 * gzipped files, so that kills also land in the middle of a rotation. (Moved here from the sink module so that it
 * runs the command users run.)
 */
@WithKafka
class SinkCrashIT {
    private static final int EVENTS = 2_000;
    private static final int PER_TRANSACTION = 20;
    private static final int KILLS = 8;
    private static final List<String> DYADS = List.of("RUS->USA", "USA->RUS", "CHN->USA", "FRA->DEU", "UKR->RUS");

    @Test
    void killedAtRandomMomentsTheSinkStillWritesEveryEventExactlyOnce(KafkaFixture kafka) throws Exception {
        SinkSettings config = PartSettings.sink(kafka);
        TopicAdmin.ensureTopics(config.kafka());
        Topics t = config.topics();
        long seed = Long.getLong("parley.seed", System.nanoTime());
        System.out.println("SinkCrashIT seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        Path out = config.outDir();

        Map<String, Long> lastDyad = new HashMap<>();
        Map<String, Long> lastDaily = new HashMap<>();
        Random dups = new Random(seed + 1);
        int chunk = EVENTS / (KILLS + 1) / PER_TRANSACTION * PER_TRANSACTION;
        Path log = Path.of("target", "reliability", "sink-crash-" + config.kafka().topicPrefix() + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        int produced = 0;
        int txn = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            long progress = writtenOffsets(out);
            ParleyProcess sink = startSink(config, log);
            // Each run gets new events streaming in while it works, so that there is always something to kill it
            // in the middle of.
            int from = produced;
            int firstTxn = txn;
            CompletableFuture<Void> producing = CompletableFuture.runAsync(
                    () -> produceEvents(t, config, from, chunk, firstTxn, dups, lastDyad, lastDaily));
            produced += chunk;
            txn += chunk / PER_TRANSACTION;
            // Sometimes kill right away (during start-up and reconciliation), otherwise after some writing.
            long more = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(chunk);
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                        .until(() -> writtenOffsets(out) >= progress + more || !sink.isAlive());
                assertThat(sink.isAlive()).as("sink process died by itself, see %s (seed %d)", log, seed).isTrue();
            } finally {
                sink.kill();
            }
            producing.get(60, TimeUnit.SECONDS);
        }
        produceEvents(t, config, produced, EVENTS - produced, txn, dups, lastDyad, lastDaily);

        // A last run, stopped normally once it has caught up.
        Set<String> expected = new LinkedHashSet<>();
        for (int i = 0; i < EVENTS; i++) {
            expected.add("c" + i);
        }
        ParleyProcess sink = startSink(config, log);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !sink.isAlive() || Set.copyOf(readableIds(out)).equals(expected)
                            && snapshotMatches(out, lastDyad));
            assertThat(sink.isAlive()).as("sink process died by itself, see %s", log).isTrue();
        } finally {
            sink.stop();
        }

        List<String> ids = allIds(out);
        assertThat(ids).as("seed %d", seed).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(expected);
        assertThat(snapshotMatches(out, lastDyad)).isTrue();

        // The GDELT export is written in the same step: one row per event, never twice.
        List<String> gdeltIds = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("gdelt"))) {
            for (Path p : files.toList()) {
                for (String row : Files.readAllLines(p)) {
                    String[] fields = row.split("\t", -1);
                    assertThat(fields).as("%s: %s", p, row).hasSize(61);
                    gdeltIds.add(fields[0]);
                }
            }
        }
        assertThat(gdeltIds).as("seed %d", seed).doesNotHaveDuplicates().hasSameSizeAs(expected);
        for (Map.Entry<String, Long> e : lastDaily.entrySet()) {
            String[] parts = e.getKey().split("@");
            JsonNode day = Json.mapper().readTree(out.resolve("stance/daily/" + parts[1] + ".json").toFile());
            assertThat(day.get(parts[0]).get("events").asLong()).as(e.getKey()).isEqualTo(e.getValue());
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertThat(Json.mapper().readTree(p.toFile())).as(p.toString()).isNotNull();
            }
        }
        System.out.printf("SinkCrashIT: %d events (with re-sent duplicates), %d SIGKILLs of bin/parley sink, every "
                + "event on disk exactly once, every JSON file parses; %d s; seed %d%n", EVENTS, KILLS,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), seed);
    }

    /** Produces events [from, from + count) in transactions, each also updating one dyad and one day. */
    private static void produceEvents(Topics t, SinkSettings config, int from, int count, int firstTxn, Random dups,
                                      Map<String, Long> lastDyad, Map<String, Long> lastDaily) {
        int txn = firstTxn;
        for (int start = from; start < from + count; start += PER_TRANSACTION) {
            txn++;
            List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(start + PER_TRANSACTION, from + count); i++) {
                batch.add(eventRecord(t, "c" + i));
                if (i > 0 && dups.nextInt(10) == 0) {
                    batch.add(eventRecord(t, "c" + dups.nextInt(i))); // an event seen before, again
                }
            }
            String dyadKey = DYADS.get(txn % DYADS.size());
            batch.add(record(t.dyadStance().name(), dyadKey, json(dyad("X", "Y", txn))));
            String dailyKey = dyadKey + "@2026-11-" + (10 + txn % 5);
            batch.add(record(t.dailyStance().name(), dailyKey, json(dyad("X", "Y", txn))));
            produce(config.kafka(), batch);
            synchronized (lastDyad) {
                lastDyad.put(dyadKey, (long) txn);
                lastDaily.put(dailyKey, (long) txn);
            }
        }
    }

    private static ParleyProcess startSink(SinkSettings config, Path log) {
        return ParleyProcess.start(log, Map.of(), "sink", "--bootstrap-server", config.kafka().bootstrapServers(),
                "--topic-prefix", config.kafka().topicPrefix(), "--out", config.outDir().toString(),
                "--rotate", "size", "--rotate-bytes", "40000", "--gzip", "--gdelt");
    }

    /** Sum of the offsets the sink has stored as written: grows as the sink works. */
    private static long writtenOffsets(Path out) {
        Path f = out.resolve(".sink/offsets.json");
        if (!Files.exists(f)) {
            return 0;
        }
        try {
            long sum = 0;
            for (JsonNode topic : Json.mapper().readTree(f.toFile()).get("topics")) {
                for (JsonNode next : topic.get("next")) {
                    sum += next.asLong();
                }
            }
            return sum;
        } catch (IOException e) {
            throw new AssertionError(f + " is not valid JSON: it must be replaced atomically", e);
        }
    }

    private static boolean snapshotMatches(Path out, Map<String, Long> lastDyad) throws IOException {
        Path f = out.resolve("stance/dyads.json");
        if (!Files.exists(f)) {
            return false;
        }
        JsonNode dyads = Json.mapper().readTree(f.toFile());
        synchronized (lastDyad) {
            for (Map.Entry<String, Long> e : lastDyad.entrySet()) {
                JsonNode v = dyads.get(e.getKey());
                if (v == null || v.get("events").asLong() != e.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Ids in all event files, skipping lines a running sink is writing (for waiting only). */
    private static List<String> readableIds(Path out) throws IOException {
        return ids(out, false);
    }

    /** Ids in all event files, where every line must be a complete event. */
    private static List<String> allIds(Path out) throws IOException {
        return ids(out, true);
    }

    private static List<String> ids(Path out, boolean strict) throws IOException {
        List<String> ids = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.equals(EventLog.CURRENT) || EventLog.ROTATED.matcher(n).matches();
            }).sorted().toList();
        }
        for (Path p : files) {
            try (InputStream raw = Files.newInputStream(p);
                 InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    try {
                        ids.add(Json.mapper().readTree(line).get("id").asText());
                    } catch (IOException | RuntimeException e) {
                        if (strict) {
                            throw new AssertionError(p + ": not an event line: " + line, e);
                        }
                    }
                }
            } catch (IOException e) {
                if (strict) {
                    throw e;
                }
                // A file renamed or compressed while we read it: the next poll sees the new state.
            }
        }
        return ids;
    }

}
