package org.parley.ingest.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers the cleaning rules share. */
final class Cleaning {
    /** Longest line that can count as hard-wrapped text is at least this long. */
    static final int MIN_WRAP_WIDTH = 40;

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00A0]*\\n\\s*");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u2009\\u200A]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\uFEFF\\u00AD]");

    private Cleaning() {
    }

    static int wordCount(String line) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < line.length(); i++) {
            boolean space = Character.isWhitespace(line.charAt(i));
            if (!space && !in) {
                words++;
            }
            in = !space;
        }
        return words;
    }

    static boolean hasLetter(String line) {
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Spaces collapsed and trimmed; no line breaks. */
    static String oneLine(String s) {
        return SPACES.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").trim();
    }

    /**
     * The text's logical lines: paragraphs are separated by blank lines; inside a paragraph block, lines are
     * kept apart (page chrome is one label per line) unless the block looks hard-wrapped at a fixed width,
     * in which case they are joined back into one paragraph.
     */
    static List<String> logicalLines(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> out = new ArrayList<>();
        for (String block : BLANK_LINES.split(normalised)) {
            List<String> lines = new ArrayList<>();
            for (String raw : block.split("\n")) {
                String line = oneLine(raw);
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            if (isHardWrapped(lines)) {
                out.add(String.join(" ", lines));
            } else {
                out.addAll(lines);
            }
        }
        return out;
    }

    /** Every line but the last is close to the longest: the shape of text wrapped at a fixed width. */
    static boolean isHardWrapped(List<String> lines) {
        if (lines.size() < 2) {
            return false;
        }
        int max = lines.stream().mapToInt(String::length).max().orElse(0);
        if (max < MIN_WRAP_WIDTH) {
            return false;
        }
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).length() < max * 0.6) {
                return false;
            }
        }
        return true;
    }
}
