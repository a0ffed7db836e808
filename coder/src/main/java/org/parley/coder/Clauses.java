package org.parley.coder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Cuts a sentence into clauses (each coded on its own), plus small helpers over word ranges. */
final class Clauses {
    /** Sentences longer than this many tokens are cut: keeps the worst case linear and bounded. */
    static final int MAX_TOKENS = 300;
    static final Set<String> BOUNDARIES = Set.of(";", ":", "—", "–", "\"", "“", "”", "«", "»", "(", ")",
            "but", "although", "though", "while", "whereas", "because", "which", "who", "whom", "that", "where",
            "when", "said", "says", "told", "tells", "added", "stressed", "explained", "according", "reported",
            "writes", "believes", "?", "!");
    static final Set<String> RELATIVE = Set.of("who", "which", "that", "where");

    private Clauses() {
    }

    /** The sentence at {@code span} of the article text, or null when it has no tokens. */
    static Sentence sentence(String text, int index, int[] span) {
        List<Token> toks = withoutShortParentheticals(Text.tokens(text, span[0], span[1]));
        if (toks.size() > MAX_TOKENS) {
            toks = toks.subList(0, MAX_TOKENS);
        }
        int n = toks.size();
        if (n == 0) {
            return null;
        }
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = toks.get(i).lower();
        }
        return new Sentence(index, span, toks, words, segments(words));
    }

    /** Clause segments: -1 on boundary words; "according to X," is a clause of its own. */
    static int[] segments(String[] words) {
        int n = words.length;
        int[] seg = new int[n];
        int s = 0;
        boolean afterAccording = false;
        for (int i = 0; i < n; i++) {
            String w = words[i];
            boolean boundary = BOUNDARIES.contains(w) && !toldToAct(words, i) || (afterAccording && w.equals(","));
            if (w.equals("according")) {
                afterAccording = true;
            } else if (w.equals(",") && afterAccording) {
                afterAccording = false;
            }
            if (boundary) {
                s++;
                seg[i] = -1;
            } else {
                seg[i] = s;
            }
        }
        return seg;
    }

    private static final Set<String> TOLD = Set.of("told", "tells", "tell");
    private static final Set<String> NOT_AN_ADDRESSEE = Set.of("he", "she", "they", "it", "we", "i", "you", "that",
            ",", "on", "in", "at");

    /**
     * "told Israel to halt": an order, one clause with its addressee; "told reporters that ..." and "told the BBC
     * he wanted to" report speech, whose clause starts after "told".
     */
    private static boolean toldToAct(String[] words, int i) {
        if (!TOLD.contains(words[i])) {
            return false;
        }
        for (int k = i + 2; k <= i + 4 && k < words.length; k++) {
            if (NOT_AN_ADDRESSEE.contains(words[k - 1]) || BOUNDARIES.contains(words[k - 1])) {
                return false;
            }
            if (words[k].equals("to")) {
                return true;
            }
        }
        return false;
    }

    /** The first word of the clause of word {@code t}. */
    static int clauseStart(int[] seg, int t) {
        int segStart = t;
        while (segStart > 0 && seg[segStart - 1] == seg[t]) {
            segStart--;
        }
        return segStart;
    }

    /** The end (exclusive) of the clause of word {@code t}, scanning from {@code from}. */
    static int clauseEnd(int[] seg, int t, int from) {
        int segEnd = from;
        while (segEnd < seg.length && seg[segEnd] == seg[t]) {
            segEnd++;
        }
        return segEnd;
    }

    /**
     * "The Libyan National Army (LNA) lifted ...": a short parenthetical (an acronym, a gloss) is dropped so that
     * it neither splits the clause nor hides the subject. Longer ones stay and act as clause boundaries.
     */
    static List<Token> withoutShortParentheticals(List<Token> toks) {
        int n = toks.size();
        List<Token> out = null;
        for (int i = 0; i < n; i++) {
            if (toks.get(i).text().equals("(")) {
                int j = i + 1;
                while (j < n && j - i <= 6 && !toks.get(j).text().equals(")") && !toks.get(j).text().equals("(")) {
                    j++;
                }
                if (j < n && toks.get(j).text().equals(")")) {
                    if (out == null) {
                        out = new ArrayList<>(toks.subList(0, i));
                    }
                    i = j;
                    continue;
                }
            }
            if (out != null) {
                out.add(toks.get(i));
            }
        }
        return out == null ? toks : out;
    }

    /** Whether words [from, to) are at most three, all in {@code allowed}. */
    static boolean onlyWords(String[] words, int from, int to, Set<String> allowed) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!allowed.contains(words[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(String[] words, int from, int to, String w) {
        for (int i = Math.max(0, from); i < to; i++) {
            if (words[i].equals(w)) {
                return true;
            }
        }
        return false;
    }

    static String slice(String[] words, int from, int to) {
        return String.join(" ", java.util.Arrays.asList(words).subList(from, to));
    }
}
