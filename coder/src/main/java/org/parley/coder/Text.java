package org.parley.coder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Sentence splitting and tokenising, by hand-written scanners (no regular expressions on the hot path). */
final class Text {
    /** Words after which a full stop does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "sen", "rep",
            "gov", "pres", "st", "mt", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "approx",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "ed");

    private Text() {
    }

    /** Sentence spans [start, end) over the text; blank lines and line breaks always end a sentence. */
    static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean split = false;
            int end = i + 1;
            if (c == '\n' || c == '\r') {
                split = true;
                end = i;
            } else if (c == '.' || c == '!' || c == '?') {
                int j = i + 1;
                // closing quotes and brackets belong to the sentence they close
                while (j < n && isCloser(text.charAt(j))) {
                    j++;
                }
                end = j;
                if (j >= n) {
                    split = true;
                } else {
                    char next = text.charAt(j);
                    if (Character.isWhitespace(next)) {
                        int k = j;
                        while (k < n && Character.isWhitespace(text.charAt(k)) && text.charAt(k) != '\n') {
                            k++;
                        }
                        if (k >= n || text.charAt(k) == '\n') {
                            split = true;
                        } else {
                            char after = text.charAt(k);
                            boolean startsSentence = Character.isUpperCase(after) || Character.isDigit(after)
                                    || isOpener(after);
                            split = startsSentence && !(c == '.' && isAbbreviationBefore(text, i));
                        }
                    } else if (c == '.' && Character.isUpperCase(next) && j == i + 1) {
                        // "he added.British ..." - a missing space after a full stop that ends a lower-case word
                        int w = wordStart(text, i);
                        split = i - w > 3 && Character.isLowerCase(text.charAt(i - 1));
                    } else if (isOpener(next) || next == '—') {
                        split = c != '.' || !isAbbreviationBefore(text, i);
                    }
                }
                i = Math.max(i, end - 1);
            }
            if (split) {
                addTrimmed(text, start, end, out);
                start = end;
            }
            i++;
        }
        addTrimmed(text, start, n, out);
        return out;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == '»' || c == '.';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '“' || c == '«' || c == '(' || c == '—' || c == '–';
    }

    private static int wordStart(String text, int dot) {
        int w = dot;
        while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        return w;
    }

    private static boolean isAbbreviationBefore(String text, int dot) {
        int w = wordStart(text, dot);
        if (w == dot) {
            return false;
        }
        String word = text.substring(w, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial, "J. Smith"
        }
        if (word.indexOf('.') >= 0) {
            return true; // "U.S." "U.K." "e.g."
        }
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static void addTrimmed(String text, int s, int e, List<int[]> out) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new int[] {s, e});
        }
    }

    /** Second parts of a compound that make its first part the owner: "Iranian-owned", "Panama-flagged". */
    private static final java.util.Set<String> OWNERSHIP = java.util.Set.of("flagged", "owned", "registered",
            "operated", "run", "controlled");

    /** Tokens of text[from, to): words (with inner hyphens and apostrophes), "'s" split off, dotted abbreviations kept. */
    static List<Token> tokens(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                // dotted abbreviation: U.S. / U.S.A. / J.D.
                if (Character.isUpperCase(c) && j + 1 < to && text.charAt(j) == '.'
                        && Character.isUpperCase(text.charAt(j + 1))) {
                    while (j + 1 < to && text.charAt(j) == '.' && Character.isLetter(text.charAt(j + 1))) {
                        j += 2;
                    }
                    if (j < to && text.charAt(j) == '.') {
                        j++;
                    }
                    add(text, i, j, out);
                    i = j;
                    continue;
                }
                while (j < to) {
                    char d = text.charAt(j);
                    if (Character.isLetterOrDigit(d)) {
                        j++;
                    } else if ((d == '-' || d == '\'' || d == '’' || d == '.' || d == ',') && j + 1 < to
                            && Character.isLetterOrDigit(text.charAt(j + 1))) {
                        if ((d == '\'' || d == '’') && (j + 2 >= to || !Character.isLetter(text.charAt(j + 2)))
                                && Character.toLowerCase(text.charAt(j + 1)) == 's') {
                            break; // possessive 's is its own token
                        }
                        if ((d == '.' || d == ',') && !(Character.isDigit(text.charAt(j - 1))
                                && Character.isDigit(text.charAt(j + 1)))) {
                            break; // only numbers keep inner dots and commas
                        }
                        j++;
                    } else {
                        break;
                    }
                }
                add(text, i, j, out);
                i = j;
            } else if ((c == '\'' || c == '’') && i + 1 < to && Character.toLowerCase(text.charAt(i + 1)) == 's'
                    && (i + 2 >= to || !Character.isLetter(text.charAt(i + 2)))) {
                out.add(new Token(text.substring(i, i + 2), "'s", i, i + 2));
                i += 2;
            } else {
                add(text, i, i + 1, out);
                i++;
            }
        }
        return out;
    }

    private static void add(String text, int s, int e, List<Token> out) {
        String t = text.substring(s, e);
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("n't")) {
            lower = "not";
        }
        int dash = t.lastIndexOf('-');
        if (dash > 0 && Character.isUpperCase(t.charAt(0)) && OWNERSHIP.contains(lower.substring(dash + 1))) {
            // "a British-flagged tanker" is a British tanker: the word is read as its country part
            out.add(new Token(t.substring(0, dash), lower.substring(0, dash), s, e));
            return;
        }
        out.add(new Token(t, lower, s, e));
    }
}
