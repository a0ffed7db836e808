package org.parley.contracts;

/** Header names on dead-letter records. Parley's own writers use the same names as Kafka Streams' handlers. */
public final class DeadLetterHeaders {
    /** Kafka Streams (KIP-1034) header names. */
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    /** Parley's own: which component rejected the record, and where the input came from. */
    public static final String COMPONENT = "parley.component";
    public static final String ORIGIN = "parley.origin";

    private DeadLetterHeaders() {
    }
}
