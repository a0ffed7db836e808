package org.parley.coder;

/** A rule matching words [start, end) of a sentence. */
record Match(Rule rule, int start, int end) {
}
