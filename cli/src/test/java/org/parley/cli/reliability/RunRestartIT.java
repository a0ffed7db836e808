package org.parley.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.Json;
import org.parley.processor.ParleyTopology;
import org.parley.processor.events.RecentEvents;
import org.parley.processor.stance.StanceTopology;

/**
 * {@code bin/parley run} as its own process on one data folder: stopped with SIGTERM it closes every part in order;
 * started again on the same folder (same embedded broker log, same state) it is healthy within 15 s of the processor
 * starting and still has the counts it had: no task directory wiped, every RocksDB store resumed from its own
 * committed offset with nothing to restore. A second {@code run} on the folder, or a {@code broker} on its broker
 * log, while one runs is refused with one line.
 */
class RunRestartIT {
    private static final Pattern DASHBOARD = Pattern.compile("dashboard at (http://[0-9.]+:\\d+)/");
    private static final String ARTICLE = "Russia and the United States held talks in Istanbul on February 27, 2025.\n";
    /** Marks the task directories: Kafka Streams deletes a task directory whole when it wipes a store. */
    private static final String MARKER = "kept-by-restart-it";
    /** The processor's RocksDB stores, named by the processor itself. */
    private static final List<String> PERSISTENT_STORES = List.of(ParleyTopology.ARTICLE_IDS_STORE,
            RecentEvents.STORE, StanceTopology.DYAD_STANCE_STORE,
            StanceTopology.COUNTRY_STANCE_STORE, StanceTopology.DAILY_STANCE_STORE);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @Test
    void sigtermThenRestartOnTheSameDataFolderKeepsStateAndIsHealthyQuickly() throws Exception {
        Path data = root.resolve("data");
        Path log = Path.of("target", "reliability", "run-restart-" + root.getFileName() + ".log").toAbsolutePath();
        String before;
        try (ParleyProcess run = startRun(log, data)) {
            String base = awaitDashboard(run, Duration.ofSeconds(180), 1);
            Files.writeString(root.resolve("inbox").resolve("talks.txt"), ARTICLE);
            // both directions of the talks: the two dyads' updates may be published a moment apart
            await().atMost(Duration.ofSeconds(60)).until(() -> dyads(base).contains("RUS->USA events=1")
                    && dyads(base).contains("USA->RUS events=1"));
            before = dyads(base);

            assertSecondRunIsRefused(log, data);
            assertBrokerOnTheSameLogIsRefused(log, data);

            long t0 = System.nanoTime();
            run.stop();
            System.out.printf("RunRestartIT: SIGTERM to exit in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(run.output()).as("log %s", log).contains("parley run: stopped in");
        }
        List<Path> tasks = taskDirectories(data.resolve("state"));
        assertThat(tasks).as("task directories under %s", data.resolve("state")).hasSizeGreaterThanOrEqualTo(3);
        for (Path task : tasks) {
            Files.writeString(task.resolve(MARKER), "");
        }

        long launched = System.nanoTime();
        try (ParleyProcess run = startRun(log, data)) {
            String base = awaitDashboard(run, Duration.ofSeconds(120), 2);
            long processorStarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> get(base + "/health").statusCode() == 200);
            long healthy = System.nanoTime();
            System.out.printf("RunRestartIT: restart to healthy in %d ms (processor start to healthy %d ms)%n",
                    (healthy - launched) / 1_000_000, (healthy - processorStarted) / 1_000_000);
            assertThat((healthy - processorStarted) / 1_000_000).as("processor start to /health 200, log %s", log)
                    .isLessThan(15_000);
            assertThat(dyads(base)).isEqualTo(before);
            for (Path task : tasks) {
                assertThat(task.resolve(MARKER)).as("task directory kept, not wiped").exists();
            }
            assertStoresResumedFromTheirOffsets(run.output(), log);
            run.stop();
        }
    }

    /**
     * Kafka Streams 4.4 keeps each RocksDB store's changelog offset inside the store (KIP-1035) rather than in a
     * {@code .checkpoint} file; its log says where each store's offset came from and how much it restored.
     */
    private static void assertStoresResumedFromTheirOffsets(String output, Path log) {
        String restart = output.substring(output.lastIndexOf("=== bin/parley run"));
        for (String store : PERSISTENT_STORES) {
            assertThat(restart).as("log %s", log).containsPattern("State store " + store
                    + " initialized from checkpoint with offset \\d+");
            Matcher restored = Pattern.compile("to store " + store + " with a total number of (\\d+) records")
                    .matcher(restart);
            while (restored.find()) {
                assertThat(restored.group(1)).as("records %s restored, log %s", store, log).isEqualTo("0");
            }
        }
        assertThat(restart).doesNotContain("wipe out the local state");
    }

    private void assertSecondRunIsRefused(Path log, Path data) throws Exception {
        Path secondLog = log.resolveSibling(log.getFileName() + ".second");
        try (ParleyProcess second = startRun(secondLog, data)) {
            assertThat(second.waitFor(60)).isEqualTo(1);
            List<String> lines = second.output().lines().skip(1).toList();
            assertThat(lines).containsExactly("parley run: " + data.toAbsolutePath()
                    + " is in use by another parley run (pid " + pidIn(data) + "); stop it first, or give this one "
                    + "another --data folder");
        }
    }

    /** {@code parley broker} on run's broker log must not start a second controller on it. */
    private static void assertBrokerOnTheSameLogIsRefused(Path log, Path data) throws Exception {
        Path brokerLog = log.resolveSibling(log.getFileName() + ".broker");
        Path kafkaLog = data.resolve("kafka");
        try (ParleyProcess broker = ParleyProcess.start(brokerLog, Map.of(), "broker", "--port", "0",
                "--data", kafkaLog.toString())) {
            assertThat(broker.waitFor(60)).isEqualTo(1);
            assertThat(broker.output().lines().skip(1).toList()).containsExactly("parley broker: Kafka data directory "
                    + kafkaLog.toAbsolutePath() + " is in use by another broker; stop it or choose another directory");
        }
    }

    private ParleyProcess startRun(Path log, Path data) {
        // The usual test JVM options, and Kafka Streams' restore lines in the log.
        String javaOpts = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="
                + Path.of("src/test/resources/reliability/log4j2-restore.xml").toAbsolutePath();
        return ParleyProcess.start(log, Map.of("PARLEY_JAVA_OPTS", javaOpts), "run", "--port", "0",
                "--data", data.toString(),
                "--watch", root.resolve("inbox").toString(), "--out", root.resolve("out").toString(),
                "--settle", "1");
    }

    /** The base URL from the n-th dashboard line in the log (the log is appended to by every start). */
    private static String awaitDashboard(ParleyProcess run, Duration timeout, int nth) {
        await().atMost(timeout).until(() -> DASHBOARD.matcher(run.output()).results().count() >= nth
                || !run.isAlive());
        Matcher m = DASHBOARD.matcher(run.output());
        String base = null;
        for (int i = 0; i < nth && m.find(); i++) {
            base = m.group(1);
        }
        assertThat(run.isAlive()).as("bin/parley run is up; log %s", run.log()).isTrue();
        return base;
    }

    /** Each dyad's counts (the decayed stance moves with the clock, so it is left out). */
    private String dyads(String base) throws Exception {
        HttpResponse<String> r = get(base + "/api/stance/dyads?limit=100000");
        if (r.statusCode() != 200) {
            return "";
        }
        StringBuilder counts = new StringBuilder();
        for (JsonNode row : Json.mapper().readTree(r.body())) {
            counts.append(row.path("source").asText()).append("->").append(row.path("target").asText())
                    .append(" events=").append(row.path("events").asLong())
                    .append(" mentions=").append(row.path("mentions").asLong()).append('\n');
        }
        return counts.toString();
    }

    private static String pidIn(Path data) throws Exception {
        return Files.readString(data.resolve("run.lock")).trim();
    }

    /** The task directories ({@code 0_0}, {@code 1_0}, ...) of the one application under {@code stateDir}. */
    private static List<Path> taskDirectories(Path stateDir) throws Exception {
        try (Stream<Path> files = Files.walk(stateDir, 2)) {
            return files.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d+_\\d+"))
                    .toList();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
