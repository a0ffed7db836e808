package org.parley.ingest.clean;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers the cleaning rules share. */
final class Cleaning {
    /** Longest line that can count as hard-wrapped text is at least this long. */
    static final int MIN_WRAP_WIDTH = 40;


    private Cleaning() {
    }

    /**
     * The number of words, counted only up to {@code cap}: the rules compare word counts with small limits,
     * and most lines are long paragraphs, so counting stops early.
     */
    static int wordsUpTo(String line, int cap) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < line.length(); i++) {
            boolean space = Character.isWhitespace(line.charAt(i));
            if (!space && !in && ++words >= cap) {
                return cap;
            }
            in = !space;
        }
        return words;
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

    /**
     * Spaces collapsed and trimmed; no line breaks. Written out by hand rather than with regular expressions:
     * it runs on every line of every article, and bulk ingest spends its time here.
     */
    static String oneLine(String s) {
        if (isAlreadyOneLine(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString().trim();
    }

    /** No invisible characters, no space but single ' ' between other characters, nothing trim() removes. */
    private static boolean isAlreadyOneLine(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (s.charAt(0) <= ' ' || s.charAt(n - 1) <= ' ') {
            return false;
        }
        boolean prevSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isInvisible(c)) {
                return false;
            }
            boolean space = isSpace(c);
            if (space && (c != ' ' || prevSpace)) {
                return false;
            }
            prevSpace = space;
        }
        return true;
    }

    /** What {@code [\s\u00A0\u2007\u202F\u2009\u200A]} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00A0'
                || c == '\u2007' || c == '\u202F' || c == '\u2009' || c == '\u200A';
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\uFEFF' || c == '\u00AD';
    }

    /**
     * The text's logical lines: paragraphs are separated by blank lines; inside a paragraph block, lines are
     * kept apart (page chrome is one label per line) unless the block looks hard-wrapped at a fixed width,
     * in which case they are joined back into one paragraph.
     */
    static List<String> logicalLines(String text) {
        String normalised = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        // Blocks end at blank lines (only spaces, tabs, no-break spaces), as the pattern \n[ \t\u00A0]*\n would
        // split them; scanned by hand because every article goes through here.
        int start = 0;
        while (start <= normalised.length()) {
            int nl = normalised.indexOf('\n', start);
            int end = nl < 0 ? normalised.length() : nl;
            if (isBlankLine(normalised, start, end)) {
                endBlock(block, out);
            } else {
                String line = oneLine(normalised.substring(start, end));
                if (!line.isEmpty()) {
                    block.add(line);
                }
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        endBlock(block, out);
        return out;
    }

    private static void endBlock(List<String> block, List<String> out) {
        if (isHardWrapped(block)) {
            out.add(String.join(" ", block));
        } else {
            out.addAll(block);
        }
        block.clear();
    }

    private static boolean isBlankLine(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\u00A0') {
                return false;
            }
        }
        return true;
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
