package org.parley.coder;

/** A chosen match in its clause [segStart, segEnd); {@code matched}: its words, only when observed. */
record Trigger(Rule rule, int t, int end, int segStart, int segEnd, boolean passive, boolean nominal,
               String matched) {
}
