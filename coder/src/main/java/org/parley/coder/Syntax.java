package org.parley.coder;

import java.util.Set;

/**
 * The part-of-speech tags of one sentence (Universal Dependencies tags from {@link Tagger}), computed on first
 * use: a sentence in which no rule matched never pays for tagging.
 */
final class Syntax {
    private final Tagger tagger;
    private final Sentence sentence;
    private String[] tags;

    /** The first verb or auxiliary in [from, end), or -1. */
    int firstVerb(int from, int end) {
        for (int v = from; v < end; v++) {
            if (isVerb(v) || tag(v).equals("AUX")) {
                return v;
            }
        }
        return -1;
    }

    private static final Set<String> TIME_PHRASE_TAGS = Set.of("ADP", "PROPN", "ADV", "NOUN");
    private static final Set<String> PHRASE_OPENERS = Set.of("DET", "ADJ", "PUNCT");

    /** A "that" at {@code i}, or after a time phrase there: "demanded on Monday that". */
    boolean thatFollows(int i) {
        for (int k = i; k < size() && k < i + 4; k++) {
            if (word(k).equals("that")) {
                return true;
            }
            if (!TIME_PHRASE_TAGS.contains(tag(k))) {
                return false;
            }
        }
        return false;
    }

    /** The lower-cased word at {@code i}. */
    String word(int i) {
        return sentence.words()[i];
    }

    Syntax(Tagger tagger, Sentence sentence) {
        this.tagger = tagger;
        this.sentence = sentence;
    }

    int size() {
        return sentence.n();
    }

    String tag(int i) {
        if (tags == null) {
            String[] texts = new String[sentence.n()];
            for (int k = 0; k < texts.length; k++) {
                texts[k] = sentence.toks().get(k).text();
            }
            tags = tagger.posTags(texts);
            infinitivesAfterTo(texts);
            gerundsBeforeBetween(texts);
        }
        return tags[i];
    }

    /** "Fighting between Indian and Chinese troops broke out": a gerund opening its phrase before "between" names it. */
    private void gerundsBeforeBetween(String[] texts) {
        for (int i = 0; i + 1 < texts.length; i++) {
            if (tags[i].equals("VERB") && texts[i].endsWith("ing") && texts[i + 1].equalsIgnoreCase("between")
                    && (i == 0 || PHRASE_OPENERS.contains(tags[i - 1]))) {
                tags[i] = "NOUN";
            }
        }
    }

    /**
     * The greedy tagger reads "came to persuade Trump" as a preposition and a noun. After "to", a bare word with an
     * object right after it (a name, a determiner, a possessive) is an infinitive: "to persuade Trump", "to
     * negotiate a deal"; a noun after "to" ("an end to attacks on", "agreed to talks with") is followed by a
     * preposition or nothing.
     */
    private void infinitivesAfterTo(String[] texts) {
        for (int i = 1; i + 1 < texts.length; i++) {
            if (texts[i - 1].equalsIgnoreCase("to") && tags[i].equals("NOUN") && !texts[i].endsWith("s")
                    && Character.isLowerCase(texts[i].charAt(0)) && objectStarts(texts[i + 1], tags[i + 1])) {
                tags[i] = "VERB";
            }
        }
    }

    private static boolean objectStarts(String word, String tag) {
        return tag.equals("DET") || Character.isUpperCase(word.charAt(0)) && !word.equals("I")
                || word.equals("his") || word.equals("her") || word.equals("its") || word.equals("their");
    }

    /** A main verb: "released" in "Russia released a statement", not the noun in "the release of". */
    boolean isVerb(int i) {
        return tag(i).equals("VERB");
    }

    boolean isNoun(int i) {
        String t = tag(i);
        return t.equals("NOUN") || t.equals("PROPN");
    }

    /** "the Saudi-led coalition", "the detained fishermen": a participle inside a noun phrase. */
    boolean participleInPhrase(int i) {
        String[] w = sentence.words();
        int n = w.length;
        if (i > 0 && i + 1 < n && w[i].endsWith("ed") && w[i + 1].equals("by")
                && isNoun(i - 1)) {
            return true; // "the missiles fired by the army struck ...": a reduced relative clause
        }
        return i + 1 < n && (w[i].endsWith("ed") || w[i].endsWith("ing"))
                && (i == 0 || PHRASE_BEFORE_PARTICIPLE.contains(tag(i - 1)))
                && Set.of("NOUN", "PROPN", "ADJ").contains(tag(i + 1));
    }

    private static final Set<String> PHRASE_BEFORE_PARTICIPLE = Set.of("DET", "ADJ", "ADV", "PROPN", "NUM",
            "SCONJ", "ADP", "PUNCT");
}
