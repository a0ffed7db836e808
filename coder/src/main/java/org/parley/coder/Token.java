package org.parley.coder;

/** A word or punctuation mark with its character offsets [start, end) in the article text. */
record Token(String text, String lower, int start, int end) {
    boolean isCapitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    boolean isWord() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0));
    }
}
