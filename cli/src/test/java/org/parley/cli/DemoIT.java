package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.Event;
import org.parley.common.Json;

/**
 * `bin/parley demo` exactly as a user runs it: a separate process over the packaged jars, with its own embedded
 * broker. Failsafe runs after `package`, so the jars exist.
 */
class DemoIT {
    @TempDir
    Path tmp;

    @Test
    void demoIngestsTheSeedsPrintsTheTableAndLeavesTheFiles() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("demo.log");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/parley").toString(), "demo", "--out",
                out.toString()).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // demo honours the sink's settings as the standalone sink does: here the GDELT export.
        builder.environment().put("PARLEY_SINK_GDELT", "true");
        Process demo = builder.start();
        boolean finished = demo.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            demo.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("demo finished; output:%n%s", output).isTrue();
        assertThat(demo.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("SOURCE", "TARGET", "RUS Russia", "USA United States", "G.MEAN", "DATED BY",
                "How to read it", "04 consult");
        assertThat(output).as("Kafka's logs are quiet without --verbose").doesNotContain(" WARN ", " INFO ");
        checkWorkedExample(root.resolve("docs/stance.md"), output);

        // The seed's sidecar dates it 2025-02-28; its sentences name days of that week ("on February 27").
        List<Event> events = Files.readAllLines(out.resolve("events.jsonl")).stream()
                .map(line -> {
                    try {
                        return Json.mapper().readValue(line, Event.class);
                    } catch (Exception e) {
                        throw new AssertionError("not an event: " + line, e);
                    }
                }).toList();
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.date()).isBetween(java.time.LocalDate.of(2025, 2, 18), java.time.LocalDate.of(2025, 2, 28));
            assertThat(e.dateFrom()).isEqualTo("sidecar");
        });
        assertThat(events).extracting(Event::date).contains(java.time.LocalDate.of(2025, 2, 27),
                java.time.LocalDate.of(2025, 2, 28));
        assertThat(output).contains("2025-02-28        sidecar");

        List<String> tuples = Files.readAllLines(out.resolve("events.jsonl")).stream()
                .map(line -> {
                    try {
                        Event e = Json.mapper().readValue(line, Event.class);
                        return e.dyadKey() + " " + e.cameo();
                    } catch (Exception e) {
                        throw new AssertionError("events.jsonl has a line that is not an event: " + line, e);
                    }
                }).toList();
        assertThat(tuples).anyMatch(t -> t.startsWith("RUS->USA 04"));
        assertThat(tuples).anyMatch(t -> t.startsWith("USA->RUS 04"));
        assertThat(tuples).contains("USA->RUS 163");
        assertThat(out.resolve("stance/dyads.json")).isRegularFile();
        assertThat(out.resolve("stance/countries.json")).isRegularFile();
        assertThat(output).contains("GDELT: " + out.resolve("gdelt"));
        List<String> rows = new java.util.ArrayList<>();
        try (var files = Files.list(out.resolve("gdelt"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".export.CSV")).toList()) {
                rows.addAll(Files.readAllLines(f));
            }
        }
        assertThat(rows).as("one GDELT row per event").hasSize(events.size())
                .allSatisfy(row -> assertThat(row.split("\t", -1)).hasSize(61))
                .anyMatch(row -> row.contains("\tRUS\t") && row.contains("\tUSA\t"));
    }

    /**
     * docs/stance.md shows the demo's table between two markers; it must be the real output. With
     * {@code -Dparley.docs.regenerate=true} the block is rewritten from this run instead.
     */
    private static void checkWorkedExample(Path doc, String output) throws java.io.IOException {
        int from = output.indexOf("SOURCE ");
        int to = output.indexOf("\nIngested ");
        assertThat(from).as("the table in: %s", output).isNotNegative();
        assertThat(to).as("the summary line in: %s", output).isGreaterThan(from);
        String table = output.substring(from, to).stripTrailing();
        String start = "<!-- demo-table:start -->\n```\n";
        String end = "\n```\n<!-- demo-table:end -->";
        String md = Files.readString(doc);
        int a = md.indexOf(start);
        int b = md.indexOf(end);
        assertThat(a).as("%s has the demo-table markers", doc).isNotNegative();
        assertThat(b).isGreaterThan(a);
        if (Boolean.getBoolean("parley.docs.regenerate")) {
            Files.writeString(doc, md.substring(0, a + start.length()) + table + md.substring(b));
            return;
        }
        assertThat(md.substring(a + start.length(), b)).as("docs/stance.md's demo table is not what the demo prints;"
                + " rerun DemoIT with -Dparley.docs.regenerate=true and update the section's prose").isEqualTo(table);
    }
}
