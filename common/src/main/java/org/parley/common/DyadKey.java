package org.parley.common;

/** Text form of a directed dyad, used as the key of the dyad stance topic: {@code SRC->TGT}. */
public final class DyadKey {
    public static final String SEPARATOR = "->";
    public static final String NO_TARGET = "-";

    private DyadKey() {
    }

    public static String of(String source, String target) {
        return source + SEPARATOR + (target == null ? NO_TARGET : target);
    }

    public static String source(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }

    public static String target(String key) {
        String t = key.substring(key.indexOf(SEPARATOR) + SEPARATOR.length());
        return NO_TARGET.equals(t) ? null : t;
    }
}
