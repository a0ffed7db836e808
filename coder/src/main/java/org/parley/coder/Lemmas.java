package org.parley.coder;

import java.util.HashSet;
import java.util.Set;

/**
 * The base form of each word, as far as the action rules need it: regular English inflection (-s, -es, -ies,
 * -ed, -ied, -ing, doubled consonants) undone and checked against the words the rules are written in, so
 * "seized" finds "seize" and "stopping" finds "stop" while a word no rule knows stays as it is. Irregular forms
 * ("withdrew", "met") are listed in the rules themselves. Measured against OpenNLP's statistical lemmatizer:
 * that one runs at about 200 sentences/s on this machine, this one at the cost of a few hash lookups per word.
 */
final class Lemmas {
    private final Set<String> vocabulary = new HashSet<>();

    Lemmas(Iterable<Rule> rules) {
        for (Rule r : rules) {
            for (Rule.Element e : r.pattern()) {
                vocabulary.addAll(java.util.List.of(e.words()));
            }
        }
    }

    /** One lemma per word; a word that is its own lemma is the same String instance. */
    String[] of(String[] words) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = lemma(words[i]);
        }
        return out;
    }

    String lemma(String w) {
        if (w.length() < 4 || vocabulary.contains(w)) {
            return w;
        }
        String c;
        if (w.endsWith("ies") || w.endsWith("ied")) {
            c = known(w.substring(0, w.length() - 3) + "y");
        } else if (w.endsWith("ing")) {
            c = stripped(w, 3);
        } else if (w.endsWith("ed")) {
            c = stripped(w, 2);
        } else if (w.endsWith("es")) {
            c = firstKnown(w.substring(0, w.length() - 1), w.substring(0, w.length() - 2));
        } else if (w.endsWith("s") && !w.endsWith("ss")) {
            c = known(w.substring(0, w.length() - 1));
        } else {
            c = null;
        }
        return c == null ? w : c;
    }

    /** "attacked" → attack, "seized" → seize, "stopped" → stop, "seizing" → seize. */
    private String stripped(String w, int suffix) {
        String stem = w.substring(0, w.length() - suffix);
        String undoubled = stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
                ? stem.substring(0, stem.length() - 1) : null;
        return firstKnown(stem, stem + "e", undoubled);
    }

    private String firstKnown(String... candidates) {
        for (String c : candidates) {
            if (c != null && vocabulary.contains(c)) {
                return c;
            }
        }
        return null;
    }

    private String known(String c) {
        return vocabulary.contains(c) ? c : null;
    }
}
