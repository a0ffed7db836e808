package org.parley.coder;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a known person under a spelling the dictionaries do not list: machine translation and transliteration
 * write "Callas" for Kallas, "Lecorny" for Lecornu, "Zelenskiy" for Zelensky. Two names match when their
 * consonant skeletons agree (after folding letters that transliterations swap: c/k/q, ph/f, w/v, z/s) and their
 * spellings are within a small edit distance. Only single surnames of at least five letters are tried, and only
 * when exactly one person valid on the date has that skeleton, so a near-miss never picks between two people.
 */
final class NameMatcher {
    private static final int MIN_LENGTH = 5;
    private final Map<String, List<Lexicon.Phrase>> bySkeleton = new HashMap<>();

    NameMatcher(Lexicon lex) {
        for (List<Lexicon.Phrase> ps : lex.phrasesByFirstWord.values()) {
            for (Lexicon.Phrase p : ps) {
                if (p.kind() == Lexicon.Kind.PERSON && p.words().length == 1 && p.words()[0].length() >= MIN_LENGTH) {
                    bySkeleton.computeIfAbsent(skeleton(p.words()[0]), k -> new ArrayList<>()).add(p);
                }
            }
        }
    }

    /** The one person valid on {@code date} whose surname {@code word} misspells, or null. */
    Lexicon.Phrase find(String word, LocalDate date) {
        if (word.length() < MIN_LENGTH || !Character.isUpperCase(word.codePointAt(0))) {
            return null;
        }
        List<Lexicon.Phrase> cands = bySkeleton.get(skeleton(word));
        if (cands == null) {
            return null;
        }
        String folded = fold(word);
        Lexicon.Phrase found = null;
        for (Lexicon.Phrase p : cands) {
            String known = fold(p.words()[0]);
            if (!p.validOn(date) || distance(folded, known) > Math.max(1, known.length() / 4)) {
                continue;
            }
            if (found != null && !found.name().equals(p.name())) {
                return null; // two people fit: do not guess
            }
            found = p;
        }
        return found;
    }

    /** Lower case without accents. */
    static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }

    /** First letter and the consonants after it, with letters that transliterations swap folded together. */
    static String skeleton(String s) {
        String f = fold(s).replace("ph", "f").replace("ck", "k").replace("kh", "h");
        StringBuilder sb = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = switch (f.charAt(i)) {
                case 'c', 'q' -> 'k';
                case 'w' -> 'v';
                case 'z' -> 's';
                default -> f.charAt(i);
            };
            boolean vowelLike = "aeiouyj".indexOf(c) >= 0 || !Character.isLetter(c);
            if (i > 0 && vowelLike || c == prev) {
                continue;
            }
            sb.append(c);
            prev = c;
        }
        return sb.toString();
    }

    /** Optimal string alignment distance (edits and adjacent swaps). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
