package org.parley.coder;

/**
 * The part-of-speech tags of one sentence (Universal Dependencies tags from {@link Tagger}), computed on first
 * use: a sentence in which no rule matched never pays for tagging.
 */
final class Syntax {
    private final Tagger tagger;
    private final Sentence sentence;
    private String[] tags;

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
        }
        return tags[i];
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
}
