package org.parley.coder.dictionary;

/** Checks shared by the importers of PETRARCH-2 name dictionaries. */
final class PhraseChecks {
    private PhraseChecks() {
    }

    /** The letters in {@code p}, or -1 when it holds a non-ASCII character (mis-encoded in the 2019 sources). */
    static int asciiLetters(String p) {
        int letters = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c > 127) {
                return -1;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters;
    }
}
