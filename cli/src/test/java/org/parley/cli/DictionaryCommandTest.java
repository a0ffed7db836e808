package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;

/**
 * {@code parley dictionary}: PETRARCH actors become an actors.txt the coder loads with --dictionaries; the verb and
 * agents dictionaries are imported with counts of what was imported and skipped, and why; --shipped counts the
 * shipped dictionaries.
 */
class DictionaryCommandTest {
    @TempDir
    Path dir;

    /** A small PETRARCH-2 verb dictionary: a synset, two blocks, patterns that import and ones that are skipped. */
    static final String VERBS = """
            &DETENTION
            +JAIL
            +PRISON

            ---  RELEASE   [080]  ---
            FREE {FREES FREEING FREED }  # a comment
            RELEASE [084]
            UNCHAIN [---]
            - * PRISONERS [0841]
            - * (FROM &DETENTION) [0841]
            - * &NOSUCHSET [080]
            - GUNMEN * HOSTAGES [080]
            - * DEBT_RELIEF [:080]
            - * TALKS [---]

            ---  PRAISE   [051]  ---
            PRAISE
            - * +  [051]
            """;

    /** Runs the command through picocli, as bin/parley does; returns exit code, stdout and stderr. */
    record Run(int exit, String out, String err) {
    }

    static Run parley(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = ParleyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(exit, o.toString(StandardCharsets.UTF_8) + out,
                e.toString(StandardCharsets.UTF_8) + err);
    }

    @Test
    void importsIntoAnEditableDictionaryAndNamesUnreadableFiles() throws Exception {
        Path f = dir.resolve("mine.actors.txt");
        Files.writeString(f, "MIRO_VALTEK_\n\t[BLRGOV 980101-20300131]\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = DictionaryCommand.run(List.of(f, dir.resolve("missing.txt")), dir.resolve("dicts"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.txt");
        assertThat(Files.readString(dir.resolve("dicts/actors.txt"))).contains("Miro Valtek |  | BLR | GOV | 1998-01-01");
        EventCoder coder = EventCoder.withDictionaries(dir.resolve("dicts"));
        assertThat(coder.code(new CoderInput("d", "Miro Valtek criticised Latvia.", LocalDate.of(2010, 1, 1), null))
                .events()).extracting(e -> e.source().code() + ">" + e.target().code()).containsExactly("BLR>LVA");
    }

    @Test
    void actorFilesWithoutOutPrintCountsAndWriteNothing() throws Exception {
        Path f = dir.resolve("mine.actors.txt");
        Files.writeString(f, "MIRO_VALTEK_\n\t[BLRGOV 980101-20300131]\n[~GOV]\n");
        Run r = parley("dictionary", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("mine.actors.txt: 1 actors, 1 lines skipped").contains("not written");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("mine.actors.txt");
        }
    }

    @Test
    void verbImportPrintsCountsWithSkippedReasonsAndWritesLoadableRules() throws Exception {
        Path f = dir.resolve("CAMEO.test.txt");
        Files.writeString(f, VERBS, StandardCharsets.ISO_8859_1);
        Path out = dir.resolve("dicts");
        Run r = parley("dictionary", "--verbs", f.toString(), "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("CAMEO.test.txt: PETRARCH-2 verb dictionary",
                "verb-alone rules: 3", "pattern rules: 3 (from 3 patterns; 1 blocking ---",
                "skipped: 5",
                "verb: code --- (no event for the verb alone): 1",
                "pattern: words before the verb: 1",
                "pattern: undefined synset: 1",
                "wrote 6 rules to " + out.resolve("petrarch-verbs.txt"));
        // each reason is on its own line under "skipped", indented
        assertThat(r.out().lines().filter(l -> l.startsWith("    pattern: ") || l.startsWith("    verb: ")).count())
                .isGreaterThanOrEqualTo(4);

        String text = Files.readString(out.resolve("petrarch-verbs.txt"));
        List<String> rules = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(rules).hasSize(6)
                .allMatch(l -> l.matches("[a-z0-9_.]+ \\| [0-9-]+ \\| [^|]+ \\|"), "id | code | pattern |");
        assertThat(rules).contains("petr.release.free | 080 | free/frees/freeing/freed |",
                "petr.release.release | 084 | release |");
        assertThat(text).startsWith("# Written by: bin/parley dictionary --verbs ")
                .doesNotContain("do not edit")
                .contains("# RELEASE: - * PRISONERS [0841]");
        // the coder loads it as a user dictionary
        EventCoder.withDictionaries(out);
    }

    @Test
    void verbImportWithoutOutOnlyPrints() throws Exception {
        Path f = dir.resolve("CAMEO.test.txt");
        Files.writeString(f, VERBS, StandardCharsets.ISO_8859_1);
        Run r = parley("dictionary", "--verbs", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("verb-alone rules: 3", "not written: give --out DIR");
        try (var s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void anUnreadableFileIsNamedAndTheOthersStillGoIn() throws Exception {
        Path f = dir.resolve("CAMEO.test.txt");
        Files.writeString(f, VERBS, StandardCharsets.ISO_8859_1);
        Path missing = dir.resolve("no-such-agents.txt");
        Path out = dir.resolve("dicts");
        Run r = parley("dictionary", "--verbs", f.toString(), "--agents", missing.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no-such-agents.txt: cannot read: no such file");
        assertThat(out.resolve("petrarch-verbs.txt")).exists();
        assertThat(out.resolve("agents.txt")).doesNotExist();

        Run v = parley("dictionary", "--verbs", dir.resolve("no-such-verbs.txt").toString());
        assertThat(v.exit()).isEqualTo(1);
        assertThat(v.err()).contains("no-such-verbs.txt: cannot read");
    }

    @Test
    void agentsImportPrintsCountsAndWritesRolePhrases() throws Exception {
        Path f = dir.resolve("test.agents.txt");
        Files.writeString(f, """
                # a comment
                DAIRY_FARMER [~AGR]
                WARLORD [~REB]
                PARTY_WHIP [~PTY]
                SPOKESMAN [~GOV]
                """);
        Path out = dir.resolve("dicts");
        Run r = parley("dictionary", "--agents", f.toString(), "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("test.agents.txt: PETRARCH-2 agents dictionary", "phrases emitted: ",
                "  skipped: ", "code PTY has no Parley role: ", "wrote ");
        String text = Files.readString(out.resolve("agents.txt"));
        assertThat(text).startsWith("# Written by: bin/parley dictionary --agents ").contains("dairy farmer | CVL",
                "dairy farmers | CVL").doesNotContain("party whip");
        EventCoder.withDictionaries(out);
    }

    @Test
    void shippedCountsTheCoderDictionaries() {
        Run r = parley("dictionary", "--shipped");
        assertThat(r.exit()).isZero();
        for (String f : List.of("verbs.txt", "petrarch-verbs.txt", "roles.txt", "agents.txt", "people.txt",
                "countries.txt")) {
            String line = r.out().lines().filter(l -> l.strip().startsWith(f + " ")).findFirst().orElseThrow();
            long n = Long.parseLong(line.strip().split("\\s+")[1]);
            assertThat(n).as(f).isPositive();
        }
        assertThat(r.out()).contains("Parley's own rules (verbs.txt) win over imported ones",
                "a roles.txt phrase wins over the same phrase in agents.txt");
    }

    @Test
    void nothingAskedIsAnError() {
        Run r = parley("dictionary");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to do");
    }

    @Test
    void theSharedPetrarchVerbDictionaryImports() throws Exception {
        Path cameo = Path.of(System.getProperty("parley.petrarch.dir", "../../shared/dictionaries/petrarch2"))
                .resolve("CAMEO.2.0.txt");
        assumeTrue(Files.isRegularFile(cameo), "PETRARCH-2 verb dictionary not present at " + cameo);
        Path out = dir.resolve("dicts");
        Run r = parley("dictionary", "--verbs", cameo.toString(), "--out", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("verb-alone rules: ", "skipped: ", "pattern: words before the verb: ");
        String text = Files.readString(out.resolve("petrarch-verbs.txt"));
        assertThat(text).contains("Permission is hereby granted, free of charge");
        List<String> rules = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(rules).hasSizeGreaterThan(1000).allMatch(l -> l.matches("\\S+ \\| \\S+ \\| [^|]+ \\|"));
    }
}
