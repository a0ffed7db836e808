package org.parley.coder;

import java.util.List;

/**
 * One sentence ready for coding: its tokens, their lower-cased words and the clause segment of each word
 * ({@code seg[i]}, -1 on boundary words). Built by {@link Clauses#sentence}.
 */
record Sentence(int index, int[] span, List<Token> toks, String[] words, int[] seg) {
    int n() {
        return words.length;
    }
}
