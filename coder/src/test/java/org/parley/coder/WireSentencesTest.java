package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A floor under the coder's coverage of wire-style sentences across the CAMEO roots, written for this test and
 * labelled by hand (wire-sentences.tsv): the share coded with the labelled source, target and root. It guards the
 * general constructions (intents, refusals, threats, visits, yields) against a rule change that loses them.
 */
class WireSentencesTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    /**
     * Measured 0.891 (156 of 175) when written (0.749 on the coder before that session); 0.902 (184 of 204) with the
     * seventh session's 29, of which the coder got 20 before that session's rules for them; a floor just under.
     */
    private static final double FLOOR = 0.88;

    record Labelled(String source, String target, String root, String sentence) {
    }

    static List<Labelled> sentences() throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                WireSentencesTest.class.getResourceAsStream("wire-sentences.tsv")), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    out.add(new Labelled(f[0], f[1], f[2], f[3]));
                }
            }
        }
        return out;
    }

    static boolean coded(Labelled l) {
        return CODER.code(new CoderInput("w", l.sentence(), LocalDate.of(2026, 12, 1), null)).events().stream()
                .anyMatch(e -> e.source().code().equals(l.source()) && e.target() != null
                        && e.target().code().equals(l.target()) && e.cameo().startsWith(l.root()));
    }

    @Test
    void mostWireSentencesAreCodedWithTheirLabelledDyadAndRoot() throws IOException {
        List<Labelled> all = sentences();
        List<String> missed = new ArrayList<>();
        for (Labelled l : all) {
            if (!coded(l)) {
                missed.add(l.root() + " " + l.sentence());
            }
        }
        double share = 1.0 - (double) missed.size() / all.size();
        // the figure docs/evaluation.md quotes: ./mvnw -B -pl coder test -Dtest=WireSentencesTest
        System.out.printf("wire sentences coded: %d / %d = %.3f%n", all.size() - missed.size(), all.size(), share);
        assertThat(all).hasSizeGreaterThan(150);
        assertThat(share).as("coded share; missed: %s", missed).isGreaterThanOrEqualTo(FLOOR);
    }
}
