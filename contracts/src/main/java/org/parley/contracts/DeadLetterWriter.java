package org.parley.contracts;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link DeadLetter}s to the dead-letter topic for ingest and the sink (the processor's are written by
 * Kafka Streams' handlers, in the same format). Writing never blocks on an outage: a letter that could not be
 * sent for want of a broker is held and sent again by {@link #resendHeld}; beyond {@code maxHeld} the oldest
 * are dropped and counted in the log. A letter too large to send is sent again without its value (the reason
 * says where it is); one the broker refuses otherwise as a record (invalid) is logged and dropped: sending it again
 * would fail again.
 */
public final class DeadLetterWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final String topic;
    private final Properties props;
    private final int maxHeld;
    private final Consumer<Exception> onOutage;
    private final Deque<DeadLetter> held = new ArrayDeque<>();
    /** Letters too large to send, to send again without their value. */
    private final Queue<DeadLetter> shrunk = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private KafkaProducer<byte[], byte[]> producer;
    private long dropped;

    /**
     * @param producerProps client settings (bootstrap, security, timeouts); delivery guarantees are set here
     * @param onOutage      told of each send that failed for want of a broker
     */
    public DeadLetterWriter(String topic, Properties producerProps, String clientId, int maxHeld,
                            Consumer<Exception> onOutage) {
        this.topic = topic;
        this.props = new Properties();
        props.putAll(producerProps);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.maxHeld = maxHeld;
        this.onOutage = onOutage;
    }

    /** Sends one letter; {@link #flush} waits for it. */
    public void write(DeadLetter letter) {
        LOG.debug("dead-lettering {}: {}", letter.origin(), letter.reason());
        try {
            producer().send(letter.toRecord(topic), (metadata, e) -> {
                if (e == null) {
                    sent.incrementAndGet();
                } else if (e instanceof RecordTooLargeException && letter.value() != null) {
                    // Not sent from here, the producer's own thread: flush() sends it and waits for it too.
                    shrunk.add(letter.withoutValue());
                } else if (isRecordProblem(e)) {
                    LOG.warn("could not write dead letter for {} to {}: {}", letter.origin(), topic, e.getMessage());
                } else {
                    onOutage.accept(e);
                    hold(letter);
                }
            });
        } catch (KafkaException e) {
            // No metadata within max.block.ms: Kafka is away.
            onOutage.accept(e);
            hold(letter);
        }
    }

    /** Keeps a letter to send once Kafka is back, without trying now. */
    public void hold(DeadLetter letter) {
        synchronized (held) {
            held.addLast(letter);
            if (held.size() > maxHeld) {
                held.removeFirst();
                if (dropped++ % 1000 == 0) {
                    LOG.warn("Kafka away: {} dead letters dropped so far (over {} held)", dropped, maxHeld);
                }
            }
        }
    }

    /** Sends again every letter held back by an outage. */
    public void resendHeld() {
        List<DeadLetter> again;
        synchronized (held) {
            again = new ArrayList<>(held);
            held.clear();
        }
        again.forEach(this::write);
    }

    /** Waits until every letter sent so far is acknowledged or held. */
    public void flush() {
        if (producer == null) {
            return;
        }
        producer.flush();
        for (DeadLetter letter = shrunk.poll(); letter != null; letter = shrunk.poll()) {
            write(letter);
            producer.flush();
        }
    }

    /** Letters waiting for the broker to come back. */
    public int held() {
        synchronized (held) {
            return held.size();
        }
    }

    /** Letters the broker has acknowledged. */
    public long sent() {
        return sent.get();
    }

    public String topic() {
        return topic;
    }

    /** Failed because of the record itself, not because Kafka could not be reached. */
    public static boolean isRecordProblem(Exception e) {
        return e instanceof RecordTooLargeException || e instanceof InvalidRecordException
                || e instanceof SerializationException;
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            // Created on first use: a healthy input never needs it.
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
        }
    }
}
