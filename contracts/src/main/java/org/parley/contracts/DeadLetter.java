package org.parley.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Something a part could not process, in the one format of the dead-letter topic (docs/topics.md, "Dead letters"):
 * the original key and value bytes (for input that never was a Kafka record, such as a file, the origin as key and
 * the raw input as value), the reason and where it came from in headers, and the time of rejection as the record
 * timestamp. The header names are those of Kafka Streams' own handlers (KIP-1034), so that one reader reads the
 * processor's dead letters and everyone else's alike.
 *
 * @param component which part rejected it: ingest, processor or sink
 * @param origin    where it came from: a file, file:line or URL, or topic-partition@offset
 * @param reason    why it was rejected, readable by a person
 * @param exception class name of the exception behind it, or null
 * @param source    the record it was, or null for input that never was a Kafka record
 * @param key       the original key bytes, or null
 * @param value     the original value bytes (possibly cut), or null
 * @param at        when it was rejected, or null to let the producer stamp it
 */
public record DeadLetter(String component, String origin, String reason, String exception, Source source,
                         byte[] key, byte[] value, Instant at) {

    /** Where in Kafka a dead-lettered record was read. */
    public record Source(String topic, int partition, long offset) {
        /** {@code topic-partition@offset}, the origin of a record. */
        public String origin() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /** Input that never was a Kafka record: a file, a line of one, a feed item or an HTTP request. */
    public static DeadLetter ofInput(String component, String origin, String reason, String payload, Instant at) {
        return new DeadLetter(component, origin, reason, null, null, utf8(origin),
                payload == null ? null : utf8(payload), at);
    }

    /** A record read from a topic, dead-lettered with its own key and value. */
    public static DeadLetter ofRecord(String component, ConsumerRecord<byte[], byte[]> rec, String reason,
                                      Exception cause, Instant at) {
        Source source = new Source(rec.topic(), rec.partition(), rec.offset());
        return new DeadLetter(component, source.origin(), reason, cause == null ? null : cause.getClass().getName(),
                source, rec.key(), rec.value(), at);
    }

    /**
     * This letter without its value, the reason saying where the value is: for a letter too large to write, so that
     * it is still written (the processor's handlers do the same above their value bound).
     */
    public DeadLetter withoutValue() {
        String where = source == null ? "" : ": read it at " + origin;
        return new DeadLetter(component, origin, reason + " (the original value, " + value.length
                + " bytes, is left out" + where + ")", exception, source, key, null, at);
    }

    /** The record to write to {@code topic}. */
    public ProducerRecord<byte[], byte[]> toRecord(String topic) {
        // Kafka has no timestamps before 1970: the producer stamps those letters itself.
        Long timestamp = at == null || at.toEpochMilli() < 0 ? null : at.toEpochMilli();
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, null, timestamp, key, value);
        addHeaders(r.headers());
        return r;
    }

    /** Adds this letter's headers: for writers that build the record themselves (Kafka Streams' handlers). */
    public void addHeaders(Headers h) {
        if (exception != null) {
            h.add(DeadLetterHeaders.EXCEPTION, utf8(exception));
        }
        h.add(DeadLetterHeaders.MESSAGE, utf8(reason));
        if (source != null) {
            h.add(DeadLetterHeaders.TOPIC, utf8(source.topic()));
            h.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(source.partition())));
            h.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(source.offset())));
        }
        h.add(DeadLetterHeaders.COMPONENT, utf8(component));
        h.add(DeadLetterHeaders.ORIGIN, utf8(origin));
    }

    /** Reads a record of the dead-letter topic back, whichever part wrote it. */
    public static DeadLetter read(ConsumerRecord<byte[], byte[]> r) {
        Headers h = r.headers() == null ? new RecordHeaders() : r.headers();
        String topic = header(h, DeadLetterHeaders.TOPIC);
        Source source = topic == null ? null : new Source(topic,
                Integer.parseInt(header(h, DeadLetterHeaders.PARTITION)),
                Long.parseLong(header(h, DeadLetterHeaders.OFFSET)));
        return new DeadLetter(header(h, DeadLetterHeaders.COMPONENT), header(h, DeadLetterHeaders.ORIGIN),
                header(h, DeadLetterHeaders.MESSAGE), header(h, DeadLetterHeaders.EXCEPTION), source, r.key(),
                r.value(), Instant.ofEpochMilli(r.timestamp()));
    }

    /** The original value as text (ingest's raw input), or null. */
    public String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static String header(Headers h, String name) {
        Header last = h.lastHeader(name);
        return last == null ? null : new String(last.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
