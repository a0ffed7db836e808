package org.parley.processor.faults;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.parley.contracts.DeadLetter;
import org.parley.processor.ProcessorLimits;

/**
 * Dead letters in the format of Kafka Streams' own handlers (KIP-1034: the original key and value, with
 * {@code __streams.errors.*} headers) plus Parley's {@code parley.component} and {@code parley.origin}: the one
 * format of {@link DeadLetter}, which ingest and the sink write too. Two differences from Kafka's builder, both so
 * that the dead letter itself can always be written: a value over the size limit is left out (the headers say where
 * to find it), and a record without a valid timestamp gets the broker's.
 */
public final class DeadLetterRecords {
    public static final String COMPONENT = "processor";
    /** Kafka's header of the exception's stack trace, cut to this many characters. */
    static final String STACKTRACE = "__streams.errors.stacktrace";
    private static final int MAX_STACKTRACE = 8_000;

    /** Room left in a request for the dead letter's key, headers (stack trace included) and framing. */
    static final int HEADROOM = 64 * 1024;

    private DeadLetterRecords() {
    }

    /**
     * The largest original value a dead letter may carry: the value limit, and never more than the producer can
     * send with the headers. A dead letter too large to write would fail the thread that writes it, again and
     * again.
     */
    public static int valueBound(Map<String, ?> configs) {
        Object v = configs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (v == null) {
            v = configs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        int maxRequest = v == null ? 1024 * 1024 : Integer.parseInt(v.toString().trim());
        return Math.max(1024, Math.min(ProcessorLimits.from(configs).maxValueBytes(), maxRequest - HEADROOM));
    }

    /**
     * @param key    the original key bytes, or null
     * @param value  the original value bytes, or null
     * @param reason what went wrong, readable by a person
     */
    public static ProducerRecord<byte[], byte[]> build(String topic, ErrorHandlerContext ctx, byte[] key, byte[] value,
                                                       Exception e, String reason, int maxValueBytes) {
        String message = reason;
        byte[] keptKey = key != null && key.length > maxValueBytes ? null : key;
        byte[] keptValue = value;
        String origin = ctx.topic() + "-" + ctx.partition() + "@" + ctx.offset();
        if (value != null && value.length > maxValueBytes) {
            keptValue = null;
            message += " (the original value, " + value.length + " bytes, is over the " + maxValueBytes
                    + "-byte limit and left out: read it at " + origin + ")";
        }
        Long timestamp = ctx.timestamp() >= 0 ? ctx.timestamp() : null;
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, null, timestamp, keptKey, keptValue);
        Headers h = r.headers();
        if (ctx.headers() != null) {
            for (Header original : ctx.headers()) {
                h.add(original);
            }
        }
        h.add(STACKTRACE, utf8(stackTrace(e)));
        // The one dead-letter format (DeadLetter), written here by Kafka Streams rather than a DeadLetterWriter.
        new DeadLetter(COMPONENT, origin, message, e.getClass().getName(),
                new DeadLetter.Source(String.valueOf(ctx.topic()), ctx.partition(), ctx.offset()), keptKey, keptValue,
                null).addHeaders(h);
        return r;
    }

    private static String stackTrace(Exception e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > MAX_STACKTRACE ? s.substring(0, MAX_STACKTRACE) : s;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
