package org.parley.ingest.clean;

import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.Set;

/** Which writing system, and for English which language, a piece of text is in. */
final class Scripts {
    /** Share of all letters that the main script must have before other-script lines count as foreign. */
    static final double DOMINANT_SHARE = 0.8;

    private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of("the", "and", "of", "to", "in", "is", "that",
            "for", "on", "with", "was", "as", "by", "it", "at", "from", "has", "are", "be", "this", "which");
    private static final int MAX_FUNCTION_WORD = 5;
    private static final long[] FUNCTION_WORD_KEYS = ENGLISH_FUNCTION_WORDS.stream().mapToLong(Scripts::key)
            .sorted().toArray();
    private static final UnicodeScript[] SCRIPTS = UnicodeScript.values();
    private static final int LATIN = UnicodeScript.LATIN.ordinal();

    private Scripts() {
    }

    /** The script most letters of the text are in, or null when under {@link #DOMINANT_SHARE} or no letters. */
    static UnicodeScript dominant(List<String> lines) {
        int[] counts = new int[SCRIPTS.length];
        int total = 0;
        for (String line : lines) {
            total += count(line, counts);
        }
        if (total == 0) {
            return null;
        }
        int best = argMax(counts);
        return counts[best] >= total * DOMINANT_SHARE ? SCRIPTS[best] : null;
    }

    /** The script most letters of the line are in, or null when it has no letters. */
    static UnicodeScript of(String line) {
        int[] counts = new int[SCRIPTS.length];
        return count(line, counts) == 0 ? null : SCRIPTS[argMax(counts)];
    }

    private static int argMax(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Counts letters by script (indexed by ordinal); ASCII letters are Latin without a table lookup. */
    private static int count(String s, int[] counts) {
        int total = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            int cp = Character.isHighSurrogate(c) ? s.codePointAt(i) : c;
            i += Character.charCount(cp);
            if (cp < 0x80) {
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                    counts[LATIN]++;
                    total++;
                }
            } else if (Character.isLetter(cp)) {
                counts[UnicodeScript.of(cp).ordinal()]++;
                total++;
            }
        }
        return total;
    }

    /** Whether the text reads as English: a fair share of its words are common English function words. */
    static boolean looksEnglish(List<String> lines) {
        int words = 0;
        int function = 0;
        for (String line : lines) {
            // Words are runs of letters and apostrophes, as the pattern [\p{L}']+ would find them.
            int start = -1;
            for (int i = 0; i <= line.length(); ) {
                int cp = i < line.length() ? line.charAt(i) : ' ';
                if (Character.isHighSurrogate((char) cp)) {
                    cp = line.codePointAt(i);
                }
                boolean inWord = cp < 0x80 ? (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' || cp == '\''
                        : Character.isLetter(cp);
                if (inWord && start < 0) {
                    start = i;
                } else if (!inWord && start >= 0) {
                    words++;
                    if (i - start <= MAX_FUNCTION_WORD && isFunctionWord(line, start, i)) {
                        function++;
                    }
                    start = -1;
                }
                i += i < line.length() ? Character.charCount(cp) : 1;
            }
        }
        return words >= 20 && function >= words * 0.15;
    }

    /**
     * Packs the word's lower-cased ASCII letters into a number and looks it up, sparing an allocation per word
     * (every function word is ASCII letters only).
     */
    private static boolean isFunctionWord(String line, int start, int end) {
        long key = 0;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            char lower = (char) (c | 0x20);
            if (lower < 'a' || lower > 'z') {
                return false;
            }
            key = key << 8 | lower;
        }
        return java.util.Arrays.binarySearch(FUNCTION_WORD_KEYS, key) >= 0;
    }

    private static long key(String word) {
        long key = 0;
        for (int i = 0; i < word.length(); i++) {
            key = key << 8 | word.charAt(i);
        }
        return key;
    }

    /** The script a language is written in, for the few languages credits name. */
    static UnicodeScript scriptOfLanguage(String language) {
        return switch (language) {
            case "ru", "uk", "be", "bg", "sr" -> UnicodeScript.CYRILLIC;
            case "ar", "fa" -> UnicodeScript.ARABIC;
            case "zh", "ja" -> UnicodeScript.HAN;
            case "ko" -> UnicodeScript.HANGUL;
            case "he" -> UnicodeScript.HEBREW;
            case "el" -> UnicodeScript.GREEK;
            default -> UnicodeScript.LATIN;
        };
    }
}
