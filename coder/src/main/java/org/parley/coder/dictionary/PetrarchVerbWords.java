package org.parley.coder.dictionary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Word helpers of the verb importer: plurals, pattern tokens, pattern text and rule ids. */
final class PetrarchVerbWords {

    private PetrarchVerbWords() {
    }

    /** Words ending in "s" that are not regular plurals (or whose singular means something else). */
    private static final Set<String> NOT_PLURAL = Set.of("news", "arms", "means", "series", "species", "odds",
            "goods", "headquarters", "barracks", "gallows", "themselves", "thanks", "lats", "litas", "politics",
            "economics", "whereabouts", "its", "this", "has", "does", "was", "yes");

    /**
     * A pattern word and, for a regular plural, its singular ("prisoners" -> [prisoners, prisoner]): the coder matches
     * lemmas, so the singular matches both forms, and the original keeps PETRARCH's exact word when lemmatisation
     * misses. Verbs' "-s" forms get a harmless extra alternative ("frees" -> "free").
     */
    static List<String> withBase(String w) {
        String b = singular(w);
        return b == null ? List.of(w) : List.of(w, b);
    }

    static String singular(String w) {
        if (w.length() < 4 || !w.endsWith("s") || NOT_PLURAL.contains(w) || w.endsWith("ss") || w.endsWith("us")
                || w.endsWith("is") || w.endsWith("as") || w.endsWith("os") || !w.chars().allMatch(Character::isLetter)) {
            return null;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("zes")) {
            return w.substring(0, w.length() - 2);
        }
        return w.substring(0, w.length() - 1);
    }

    /** Splits a pattern body into words and the single-character tokens * $ + % ^ ( ) { }. */
    static List<String> tokens(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c) || "*$+%^(){}".indexOf(c) >= 0) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** Positions to pattern text: alternatives joined by "/", positions by spaces. */
    static String join(List<List<String>> positions) {
        StringBuilder sb = new StringBuilder();
        for (List<String> p : positions) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.join("/", new LinkedHashSet<>(p)));
        }
        return sb.toString();
    }

    /** "SET_FREE" / "Set Free" -> "set_free": lower case letters, digits and "_". */
    static String idPart(String s) {
        String p = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return p.isEmpty() ? "x" : p;
    }
}
