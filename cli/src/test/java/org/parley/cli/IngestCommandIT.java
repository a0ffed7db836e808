package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.bench.BenchCommand;
import org.parley.contracts.KafkaSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;
import picocli.CommandLine;

/** {@code parley ingest} and {@code parley bench ingest} over a real broker. */
@WithKafka
class IngestCommandIT {
    private static final String TALKS = "The foreign ministers met in Geneva on Tuesday and agreed to resume talks "
            + "on a prisoner exchange next month.";

    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] kafkaArgs(KafkaSettings config, String... rest) {
        String[] head = {"--bootstrap-server", config.bootstrapServers(), "--topic-prefix", config.topics().prefix()};
        String[] all = new String[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    @Test
    void eachRejectionIsShownOnceAndTheExitCodeSaysSome(KafkaFixture kafka) throws Exception {
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("inbox"));
        Files.writeString(inbox.resolve("talks.txt"), TALKS);
        Path empty = Files.writeString(inbox.resolve("empty.txt"), "");
        Path lines = Files.writeString(inbox.resolve("batch.jsonl"), "{\"text\": \"" + TALKS + "\"}\n{broken\n");

        Run r = run(new IngestCommand(), kafkaArgs(kafka.config(), "--quiet", inbox.toString()));

        assertThat(r.exit()).isEqualTo(IngestCommand.SOME_REJECTED);
        assertThat(r.out().strip()).isEqualTo("published 1, duplicates 1, rejected 2");
        assertThat(r.errLines().stream().filter(l -> l.contains(empty.toString()))).hasSize(1);
        assertThat(r.errLines().stream().filter(l -> l.contains(lines + ":2"))).singleElement()
                .satisfies(l -> assertThat(l).startsWith("rejected " + lines + ":2: malformed JSON"));
    }

    @Test
    void eachArticleIsDatedByItsOwnWordsBeforeTheOptionAndNeverByItsFileTime(KafkaFixture kafka) throws Exception {
        KafkaSettings config = kafka.config();
        Path dir = Files.createDirectories(kafka.tempDir().resolve("dated"));
        Files.writeString(dir.resolve("a-dateline.txt"), "GENEVA, March 4 (Reuters) - " + TALKS);
        Files.writeString(dir.resolve("b-text.txt"), "Ministers met in Geneva on 3 March 2025 and agreed to resume"
                + " talks, to be concluded on 1 June 2099.");
        Files.writeString(dir.resolve("c-page.html"), "<html><head><meta property=\"article:published_time\" "
                + "content=\"2025-02-27T09:00:00Z\"></head><body><p>The ceasefire held overnight, both sides said."
                + "</p></body></html>");
        Files.writeString(dir.resolve("d-plain.txt"), "The European Union extended its sanctions for six months.");
        Files.writeString(dir.resolve("e-sidecar.txt"), "Diplomats in Brussels said talks would go on.");
        Files.writeString(dir.resolve("e-sidecar.meta.json"), "{\"date\": \"2025-02-20\"}");

        Run r = run(new IngestCommand(), kafkaArgs(config, "--quiet", "--date", "2025-03-01", dir.toString()));

        assertThat(r.exit()).as(r.err()).isEqualTo(IngestCommand.OK);
        assertThat(r.out().strip()).isEqualTo("published 5, duplicates 0, rejected 0");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.time.LocalDate march4 = java.time.LocalDate.of(today.getYear(), 3, 4);
        java.time.LocalDate dateline = march4.isAfter(today) ? march4.minusYears(1) : march4;
        assertThat(org.parley.testkit.TopicReader.readCommitted(config, config.topics().articles()))
                .extracting(rec -> rec.value().dateFrom() + " " + rec.value().date())
                .containsExactlyInAnyOrder("dateline " + dateline, "text 2025-03-03", "html-meta 2025-02-27",
                        "option 2025-03-01", "sidecar 2025-02-20");
    }

    @Test
    void allGoodExitsZero(KafkaFixture kafka) throws Exception {
        Path file = Files.writeString(kafka.tempDir().resolve("talks.txt"), TALKS);
        Run r = run(new IngestCommand(), kafkaArgs(kafka.config(), file.toString()));
        assertThat(r.exit()).isEqualTo(IngestCommand.OK);
        assertThat(r.out().strip()).isEqualTo("published 1, duplicates 0, rejected 0");
    }

    @Test
    void aWatchedFolderPrintsALinePerFileAndTheSummary(KafkaFixture kafka) throws Exception {
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("watched"));
        Path talks = Files.writeString(inbox.resolve("talks.txt"), TALKS);
        Path empty = Files.writeString(inbox.resolve("empty.txt"), "");

        Run r = run(new IngestCommand(), kafkaArgs(kafka.config(), "--watch", inbox.toString(), "--settle", "200ms",
                "--run-for", "4s"));

        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith("published " + talks + " as "));
        assertThat(r.out().lines().toList()).last().isEqualTo("published 1, duplicates 0, rejected 1");
        assertThat(r.errLines()).containsOnlyOnce("rejected " + empty + ": empty file");
        assertThat(r.exit()).isEqualTo(IngestCommand.SOME_REJECTED);
    }

    @Test
    void badOptionsAreNamed(KafkaFixture kafka) {
        Run r = run(new IngestCommand(), kafkaArgs(kafka.config(), "--watch", kafka.tempDir().resolve("nope")
                .toString()));
        assertThat(r.exit()).isEqualTo(IngestCommand.FAILED);
        assertThat(r.err()).contains("--watch").contains("not a folder");

        Run feed = run(new IngestCommand(), kafkaArgs(kafka.config(), "--feed", "ftp://example.org/feed"));
        assertThat(feed.exit()).isEqualTo(IngestCommand.FAILED);
        assertThat(feed.err()).contains("not an http(s) URL");
    }

    @Test
    void benchIngestPrintsItsFiguresLast(KafkaFixture kafka) {
        Run r = benchIngest(kafka);
        if (r.exit() != 0 && r.err().contains("cannot publish")) {
            // Seen once in CI: the shared test broker stalled 30 s on a loaded machine and the bench rightly
            // failed. This test is about the report's shape, so one stall earns one more run on a new topic.
            r = benchIngest(kafka);
        }
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .matches("bench ingest: 300 articles \\([0-9.]+ MB of text\\) published in [0-9.]+ s: "
                        + "[0-9]+ articles/s, [0-9.]+ MB/s.*");
    }

    private static Run benchIngest(KafkaFixture kafka) {
        return run(new BenchCommand(), "ingest", "--articles", "300", "--bootstrap-server",
                kafka.bootstrapServers(), "--topic-prefix", kafka.uniqueName("bench"));
    }
}
