package org.parley.sink.deadletter;

import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.parley.contracts.DeadLetter;
import org.parley.contracts.DeadLetterWriter;
import org.parley.contracts.KafkaSettings;
import org.parley.sink.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's use of the one {@link DeadLetterWriter}: records the sink cannot read go to the dead-letter topic
 * with their own key and value. The sink commits no offset past a rejected record before its dead letter is on
 * the broker, so {@link #flush} throws a retriable error while any is held back by an outage, and a
 * {@link SinkException} when Kafka refused one for good (not authorised, for example).
 */
public final class DeadLetterPublisher implements AutoCloseable {
    public static final String COMPONENT = "sink";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final DeadLetterWriter writer;
    private final Clock clock;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long sent;

    public DeadLetterPublisher(KafkaSettings kafka, Clock clock) {
        Properties props = kafka.kafkaProperties();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        // An outage shows within half a minute, so that the sink's loop backs off instead of sitting in flush().
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        // Nothing is dropped: the held letters keep the sink's offsets back until they are sent.
        this.writer = new DeadLetterWriter(kafka.topics().deadLetters().name(), props,
                kafka.topicPrefix() + ".sink.dlq", Integer.MAX_VALUE, this::failed);
        this.clock = clock;
    }

    private void failed(Exception e) {
        if (!(e instanceof RetriableException)) {
            failure.compareAndSet(null, e);
        }
    }

    /** Queues one rejected record; {@link #flush} makes sure it arrived. */
    public void send(ConsumerRecord<byte[], byte[]> rec, String reason, Exception cause) {
        DeadLetter letter = DeadLetter.ofRecord(COMPONENT, rec, reason, cause, clock.instant());
        LOG.warn("dead-lettering {}: {}", letter.origin(), reason);
        writer.write(letter);
        sent++;
    }

    /**
     * Sends again what an outage held back, then waits until every dead letter is acknowledged. Throws when one
     * could not be sent: the offsets of the rejected records must then not be committed.
     */
    public void flush() {
        writer.resendHeld();
        writer.flush();
        Exception e = failure.get();
        if (e != null) {
            throw new SinkException("cannot write to dead-letter topic " + writer.topic() + ": " + e.getMessage(), e);
        }
        if (writer.held() > 0) {
            throw new DeadLettersUnsent(writer.held() + " dead letters not yet acknowledged by " + writer.topic());
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
        writer.close();
    }
}
