package org.parley.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CleaningTest {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u2009\\u200A]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\uFEFF\\u00AD]");
    private static final String ALPHABET = "ab .\t\n\r\u000B\f\u00A0\u2007\u202F\u2009\u200A\u200B\uFEFF\u00ADж\u0001";

    @Test
    void oneLineCollapsesSpacesAndDropsInvisibleCharactersLikeTheRules() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 5000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(0, 12);
            for (int i = 0; i < length; i++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String in = s.toString();
            String expected = SPACES.matcher(INVISIBLE.matcher(in).replaceAll("")).replaceAll(" ").trim();
            assertThat(Cleaning.oneLine(in)).as("oneLine of %s", in.codePoints().boxed().toList())
                    .isEqualTo(expected);
        }
    }

    /** The rule as first written, with regular expressions. */
    private static java.util.List<String> referenceLogicalLines(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String block : Pattern.compile("\n[ \t\u00A0]*\n\\s*").split(normalised)) {
            java.util.List<String> lines = new java.util.ArrayList<>();
            for (String raw : block.split("\n")) {
                String line = Cleaning.oneLine(raw);
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            if (Cleaning.isHardWrapped(lines)) {
                out.add(String.join(" ", lines));
            } else {
                out.addAll(lines);
            }
        }
        return out;
    }

    @Test
    void logicalLinesSplitBlocksAtBlankLinesLikeTheRule() {
        String[] pieces = {"\n", "\r\n", "\r", " ", "\t", "\u00A0", "\u2009", "\u000B", "Short label",
            "A line long enough to look like hard-wrapped text of an article body", "x", "."};
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 5000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(0, 16);
            for (int i = 0; i < length; i++) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String in = s.toString();
            assertThat(Cleaning.logicalLines(in)).as("lines of %s", in.replace("\n", "\\n"))
                    .isEqualTo(referenceLogicalLines(in));
        }
    }

    @Test
    void aCleanLineIsReturnedAsIs() {
        String line = "Ministers agreed to resume talks.";
        assertThat(Cleaning.oneLine(line)).isSameAs(line);
    }
}
