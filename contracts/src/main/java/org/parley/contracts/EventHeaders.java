package org.parley.contracts;

/**
 * Header names on event records (the events topic and derived topics), so that consumers can filter without
 * parsing the value. Values are UTF-8 strings: actor codes, the two-digit CAMEO root, the quad class 1-4.
 * An event without a target has no {@code target} header.
 */
public final class EventHeaders {
    public static final String SOURCE = "source";
    public static final String TARGET = "target";
    public static final String ROOT = "root";
    public static final String QUAD_CLASS = "quadClass";

    private EventHeaders() {
    }
}
