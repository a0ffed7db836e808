package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.parley.common.Event;
import org.junit.jupiter.api.Test;

/**
 * Coverage of every CAMEO code by sentences written for it (cameo-code-sentences.tsv): the share of sentences that
 * get an event of the labelled root, and of the labelled source, target and root. The first sentence of each code
 * is the half read while changing the coder, the second the held-out half; the test prints both and keeps floors
 * under them, so that a rule change that loses general constructions is seen.
 */
class CameoCodeSentencesTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2024, 5, 15);

    record Labelled(String code, String source, String target, String sentence, boolean held) {
    }

    static List<Labelled> sentences() throws IOException {
        List<Labelled> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CameoCodeSentencesTest.class.getResourceAsStream("cameo-code-sentences.tsv")), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    out.add(new Labelled(f[0], f[1], f[2], f[3], !seen.add(f[0])));
                }
            }
        }
        return out;
    }

    /** [right root, right source, target and root] for one sentence. */
    private static boolean[] score(Labelled l) {
        List<Event> events = CODER.code(new CoderInput("c", l.sentence(), DAY, null)).events();
        String root = l.code().substring(0, 2);
        boolean rightRoot = events.stream().anyMatch(e -> e.cameo().startsWith(root));
        boolean rightDyad = events.stream().anyMatch(e -> e.cameo().startsWith(root)
                && e.source().code().equals(l.source())
                && (l.target().equals("-") || e.target() != null && e.target().code().equals(l.target())));
        return new boolean[] {rightRoot, rightDyad};
    }

    @Test
    void everyCameoCodesSentencesGetEventsOfTheirRoot() throws IOException {
        List<Labelled> all = sentences();
        int[][] counts = new int[2][3]; // [dev|held][n, right root, right dyad and root]
        for (Labelled l : all) {
            boolean[] s = score(l);
            int[] c = counts[l.held() ? 1 : 0];
            c[0]++;
            c[1] += s[0] ? 1 : 0;
            c[2] += s[1] ? 1 : 0;
        }
        // the figures docs/evaluation.md quotes: ./mvnw -B -pl coder test -Dtest=CameoCodeSentencesTest
        for (int h = 0; h < 2; h++) {
            System.out.printf("CAMEO code sentences, %s half: right root %d / %d = %.3f, right dyad and root %.3f%n",
                    h == 0 ? "dev" : "held", counts[h][1], counts[h][0], share(counts[h], 1), share(counts[h], 2));
        }
        assertThat(all).hasSize(622);
        assertThat(share(counts[0], 1)).isGreaterThanOrEqualTo(DEV_ROOT_FLOOR);
        assertThat(share(counts[1], 1)).isGreaterThanOrEqualTo(HELD_ROOT_FLOOR);
    }

    private static double share(int[] c, int k) {
        return (double) c[k] / c[0];
    }

    /**
     * Measured when the set was written: dev 0.576, held 0.601 (right root); after the tenth session's changes dev
     * 0.682, held 0.672. Floors just under the latest figures.
     */
    private static final double DEV_ROOT_FLOOR = 0.67;
    private static final double HELD_ROOT_FLOOR = 0.66;
}
