package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Properties over generated input: the coder never throws, and its time grows linearly with the input. */
class CoderPropertiesTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);
    private static final String[] NEWSY = {"Russia", "the United States", "U.S.", "Mr.", "talks", "met", "not",
            "was", "by", "criticised", "anti-", "he", "she", "the parties", "Moscow", "in", "on", "February 27",
            "rebels", "fired", "at", "Hamas", "said", "that", "\"", "(", ")", ";", ",", ".", "—", "'s", "\n"};

    @Property(tries = 300)
    void neverThrowsOnArbitraryUnicode(@ForAll @StringLength(max = 400) String text) {
        assertThatCode(() -> CODER.code(new CoderInput("p", text, DAY, null))).doesNotThrowAnyException();
        assertThatCode(() -> CODER.explain(new CoderInput("p", text, DAY, null))).doesNotThrowAnyException();
    }

    @Property(tries = 300)
    void neverThrowsOnNewsLikeWordSoup(@ForAll("wordSoup") String text) {
        assertThatCode(() -> CODER.code(new CoderInput("p", text, DAY, null))).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> wordSoup() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(NEWSY),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6));
        return word.list().ofMaxSize(80).map(ws -> String.join(" ", ws));
    }

    /**
     * Time per KB of a 100 KB input stays within a generous factor of that of a 10 KB input: no quadratic
     * blow-up. Each input is made of the same generated unit repeated, so the two sizes are alike.
     */
    @Property(tries = 8)
    void timeStaysLinearUpTo100Kb(@ForAll("units") String unit) {
        String small = repeat(unit, 10_000);
        String large = repeat(unit, 100_000);
        for (int i = 0; i < 3; i++) { // warm up so the JIT does not count against the small input
            CODER.code(new CoderInput("w", small, DAY, null));
        }
        double perKbSmall = bestNanos(small) / 10.0;
        double perKbLarge = bestNanos(large) / 100.0;
        assertThat(perKbLarge).as("ns per KB at 100 KB vs 10 KB (%s)", unit)
                .isLessThan(Math.max(perKbSmall * 6, 2_000_000));
    }

    @Provide
    Arbitrary<String> units() {
        Arbitrary<String> word = Arbitraries.of(NEWSY);
        Arbitrary<String> noise = Arbitraries.strings().withCharRange('a', 'z').withChars(" .,'-").ofMinLength(1)
                .ofMaxLength(20);
        return Arbitraries.oneOf(word, noise).list().ofMinSize(3).ofMaxSize(30).map(ws -> String.join(" ", ws) + " ");
    }

    private static String repeat(String unit, int chars) {
        StringBuilder sb = new StringBuilder(chars + unit.length());
        while (sb.length() < chars) {
            sb.append(unit);
        }
        return sb.substring(0, chars);
    }

    private static long bestNanos(String text) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            CODER.code(new CoderInput("t", text, DAY, null));
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }
}
