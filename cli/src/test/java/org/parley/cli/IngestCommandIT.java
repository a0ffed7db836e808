package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.bench.BenchCommand;
import org.parley.contracts.ParleyConfig;
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

    private static String[] kafkaArgs(ParleyConfig config, String... rest) {
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
        Run r = run(new BenchCommand(), "ingest", "--articles", "300", "--bootstrap-server",
                kafka.bootstrapServers(), "--topic-prefix", kafka.uniqueName("bench"));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .matches("bench ingest: 300 articles \\([0-9.]+ MB of text\\) published in [0-9.]+ s: "
                        + "[0-9]+ articles/s, [0-9.]+ MB/s.*");
    }
}
