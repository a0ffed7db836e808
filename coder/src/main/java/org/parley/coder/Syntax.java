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
        }
        return tags[i];
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
