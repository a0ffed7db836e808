package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.common.Json;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;
import picocli.CommandLine;

/**
 * {@code parley run} against a real broker: a file dropped in the watched folder, and an article posted to the
 * dashboard's port, reach the API and the sink, with the GDELT export when asked for.
 */
@WithKafka
class RunIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFileDroppedInTheInboxShowsUpInTheApiAndTheOutput(KafkaFixture kafka) throws Exception {
        Path root = kafka.tempDir();
        Path inbox = root.resolve("inbox");
        Path out = root.resolve("out");
        RunCommand run = new RunCommand();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(run)
                .setOut(new PrintWriter(stdout, true)).setErr(new PrintWriter(stderr, true))
                .execute("--bootstrap-server", kafka.bootstrapServers(), "--topic-prefix", kafka.uniqueName("run"),
                        "--port", "0", "--watch", inbox.toString(), "--out", out.toString(),
                        "--data", root.resolve("data").toString(), "--settle", "1", "--gdelt"));
        try {
            Pattern dashboard = Pattern.compile("dashboard at (http://[0-9.]+:\\d+)/");
            await().atMost(Duration.ofSeconds(60)).until(() -> dashboard.matcher(stdout.toString()).find()
                    || exit.isDone());
            Matcher m = dashboard.matcher(stdout.toString());
            assertThat(m.find()).as("stdout: %s%nstderr: %s", stdout, stderr).isTrue();
            String base = m.group(1);
            assertThat(Files.isDirectory(inbox)).isTrue();
            // Other commands find the broker through the address file; stdout says where it is.
            assertThat(Files.readString(root.resolve("data/bootstrap")).trim()).isEqualTo(kafka.bootstrapServers());
            assertThat(stdout.toString()).contains("parley run: Kafka at " + kafka.bootstrapServers()
                    + " (address in " + root.resolve("data/bootstrap") + ")");

            Files.writeString(inbox.resolve("talks.txt"), "Russia and the United States held talks in Istanbul "
                    + "on February 27, 2025.\n");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> r = get(base + "/api/stance/dyads?limit=100000");
                assertThat(r.statusCode()).isEqualTo(200);
                JsonNode dyads = Json.mapper().readTree(r.body());
                assertThat(dyads.toString()).contains("\"source\":\"RUS\",\"target\":\"USA\"");
            });
            assertThat(get(base + "/").statusCode()).isEqualTo(302);
            assertThat(get(base + "/dashboard/index.html").body()).contains("Stance matrix");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(out.resolve("events.jsonl"))
                    && Files.readString(out.resolve("events.jsonl")).contains("\"RUS\""));
            // No metadata: the text's own full date dates the article, and every event says so.
            assertThat(Files.readString(out.resolve("events.jsonl"))).contains("\"date\":\"2025-02-27\"",
                    "\"dateFrom\":\"text\"");
            assertThat(stdout.toString()).contains("(with the GDELT export)", "articles by POST to " + base
                    + "/api/articles");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gdeltRows(out))
                    .anyMatch(row -> row.contains("\tRUS\t") && row.contains("\tUSA\t")));

            // run takes articles on the dashboard's port as ingest --http does on its own.
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"Paris talks\",\"url\":\"https://example.org/paris\",\"text\":"
                            + "\"France signed an agreement with Germany in Paris on March 3, 2025.\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            assertThat(posted.body()).contains("\"published\":[{\"index\":0,");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    get(base + "/api/stance/dyads/FRA/DEU").body()).contains("\"source\":\"FRA\""));
        } finally {
            run.foreground.stop();
        }
        assertThat(exit.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(root.resolve("data/bootstrap")).as("removed on stop").doesNotExist();
    }

    /** Every row of every GDELT export file under {@code out}. */
    private static java.util.List<String> gdeltRows(Path out) throws java.io.IOException {
        Path dir = out.resolve("gdelt");
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".export.CSV")).toList()) {
                rows.addAll(Files.readAllLines(f));
            }
        }
        return rows;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
