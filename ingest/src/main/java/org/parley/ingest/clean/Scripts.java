package org.parley.ingest.clean;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Which writing system, and for English which language, a piece of text is in. */
final class Scripts {
    /** Share of all letters that the main script must have before other-script lines count as foreign. */
    static final double DOMINANT_SHARE = 0.8;

    private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of("the", "and", "of", "to", "in", "is", "that",
            "for", "on", "with", "was", "as", "by", "it", "at", "from", "has", "are", "be", "this", "which");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    private Scripts() {
    }

    /** The script most letters of the text are in, or null when under {@link #DOMINANT_SHARE} or no letters. */
    static UnicodeScript dominant(List<String> lines) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        int total = 0;
        for (String line : lines) {
            total += count(line, counts);
        }
        if (total == 0) {
            return null;
        }
        UnicodeScript best = null;
        int bestCount = 0;
        for (Map.Entry<UnicodeScript, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return bestCount >= total * DOMINANT_SHARE ? best : null;
    }

    /** The script most letters of the line are in, or null when it has no letters. */
    static UnicodeScript of(String line) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        int total = count(line, counts);
        if (total == 0) {
            return null;
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static int count(String s, Map<UnicodeScript, Integer> counts) {
        int total = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                counts.merge(UnicodeScript.of(cp), 1, Integer::sum);
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
            var m = WORD.matcher(line);
            while (m.find()) {
                words++;
                if (ENGLISH_FUNCTION_WORDS.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
                    function++;
                }
            }
        }
        return words >= 20 && function >= words * 0.15;
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
