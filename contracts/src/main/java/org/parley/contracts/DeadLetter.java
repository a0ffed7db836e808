package org.parley.contracts;

import java.time.Instant;

/**
 * A record that could not be processed, as written to the dead-letter topic by Parley's own code.
 * (Kafka Streams' exception handlers write the original bytes with error headers instead.)
 *
 * @param component   which part rejected it: ingest, processor or sink
 * @param origin      where it came from: a file and line, a topic-partition@offset, a URL
 * @param reason      why it was rejected, readable by a person
 * @param payload     the raw input, possibly truncated
 * @param at          when it was rejected
 */
public record DeadLetter(String component, String origin, String reason, String payload, Instant at) {
}
