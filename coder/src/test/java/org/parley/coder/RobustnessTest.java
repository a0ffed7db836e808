package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Arbitrary text never makes the coder throw, and large inputs stay fast (no backtracking blow-up). */
class RobustnessTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final String PIECES = " .,;:'\"-—“”'s\n\t?!()Russia United States U.S. Mr. talks met not was by "
            + "criticised anti- he she the parties Moscow in on February 27 ";

    @Test
    void randomStringsNeverThrow() {
        Random rnd = new Random(42);
        for (int i = 0; i < 1000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(200);
            for (int k = 0; k < len; k++) {
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.appendCodePoint(rnd.nextInt(0x2FFFF));
                    case 1 -> sb.append(PIECES.charAt(rnd.nextInt(PIECES.length())));
                    default -> {
                        String[] words = PIECES.split(" ");
                        sb.append(words[rnd.nextInt(words.length)]).append(' ');
                    }
                }
            }
            String text = sb.toString();
            String id = "r" + i;
            assertThatCode(() -> CODER.code(new CoderInput(id, text, LocalDate.of(2025, 1, 1), null)))
                    .as("input %s", text).doesNotThrowAnyException();
        }
        assertThatCode(() -> CODER.code(new CoderInput(null, null, null, null))).doesNotThrowAnyException();
    }

    @Test
    void hundredKilobytesCodeQuickly() {
        StringBuilder words = new StringBuilder();
        while (words.length() < 100_000) {
            words.append("Russia and the United States held talks with France on Monday and Germany ");
        }
        StringBuilder noSpace = new StringBuilder();
        while (noSpace.length() < 100_000) {
            noSpace.append("a.");
        }
        for (String text : new String[] {words.toString(), noSpace.toString(), "x".repeat(100_000)}) {
            long t0 = System.nanoTime();
            CODER.code(new CoderInput("big", text, LocalDate.of(2025, 1, 1), null));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("ms for 100 KB").isLessThan(5_000);
        }
    }
}
