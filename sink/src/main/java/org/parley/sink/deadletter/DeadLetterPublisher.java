package org.parley.sink.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.parley.contracts.DeadLetterHeaders;
import org.parley.contracts.ParleyConfig;
import org.parley.sink.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records the sink cannot read to the dead-letter topic: the original key and value bytes, with headers
 * saying where they came from and why they were rejected.
 *
 * <p>A dead letter that could not be sent because Kafka was away is kept and sent again by the next
 * {@link #flush}, which throws a retriable error until every one is acknowledged: the sink commits no offset
 * past a rejected record before its dead letter is on the broker.
 */
public final class DeadLetterPublisher implements AutoCloseable {
    public static final String COMPONENT = "sink";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final String topic;
    private final Properties props;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    /** Dead letters that failed for want of a broker, to send again. */
    private final Queue<ProducerRecord<byte[], byte[]>> unsent = new ConcurrentLinkedQueue<>();
    private KafkaProducer<byte[], byte[]> producer;
    private long sent;

    public DeadLetterPublisher(ParleyConfig config) {
        this.topic = config.topics().deadLetters().name();
        this.props = config.kafkaProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.topicPrefix() + ".sink.dlq");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        // An outage shows within half a minute, so that the sink's loop backs off instead of sitting in flush().
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    }

    /** Queues one rejected record; {@link #flush} makes sure it arrived. */
    public void send(ConsumerRecord<byte[], byte[]> rec, String reason, Exception cause) {
        if (producer == null) {
            // Created on first use: a healthy stream never needs it.
            producer = new KafkaProducer<>(props);
        }
        String origin = rec.topic() + "-" + rec.partition() + "@" + rec.offset();
        LOG.warn("dead-lettering {}: {}", origin, reason);
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetterHeaders.COMPONENT, utf8(COMPONENT));
        h.add(DeadLetterHeaders.ORIGIN, utf8(origin));
        h.add(DeadLetterHeaders.TOPIC, utf8(rec.topic()));
        h.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(rec.partition())));
        h.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(rec.offset())));
        h.add(DeadLetterHeaders.MESSAGE, utf8(reason));
        if (cause != null) {
            h.add(DeadLetterHeaders.EXCEPTION, utf8(cause.getClass().getName()));
        }
        send(new ProducerRecord<>(topic, null, rec.key(), rec.value(), h));
        sent++;
    }

    private void send(ProducerRecord<byte[], byte[]> letter) {
        try {
            producer.send(letter, (md, e) -> {
                if (e instanceof RetriableException) {
                    unsent.add(letter);
                } else if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        } catch (RetriableException e) {
            // No metadata within max.block.ms: kept for the next flush rather than thrown mid-batch.
            unsent.add(letter);
        }
    }

    /**
     * Sends again what an outage held back, then waits until every dead letter is acknowledged. Throws when one
     * could not be sent (a {@link RetriableException} while Kafka is away): the offsets of the rejected records
     * must then not be committed.
     */
    public void flush() {
        if (producer == null) {
            return;
        }
        for (int n = unsent.size(); n > 0; n--) {
            send(unsent.poll());
        }
        producer.flush();
        Exception e = failure.get();
        if (e != null) {
            throw new SinkException("cannot write to dead-letter topic " + topic + ": " + e.getMessage(), e);
        }
        if (!unsent.isEmpty()) {
            throw new DeadLettersUnsent(unsent.size() + " dead letters not yet acknowledged by " + topic);
        }
    }

    /** Dead letters still waiting for the broker. */
    static final class DeadLettersUnsent extends RetriableException {
        DeadLettersUnsent(String message) {
            super(message);
        }
    }

    public long sent() {
        return sent;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
