package org.parley.sink;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.parley.contracts.Topic;

/**
 * One writer per topic the sink reads, registered against the typed {@link Topic}: a record reaches the writer of
 * the topic it came from and is decoded with that topic's value serde. A record that cannot be decoded (no key
 * where one is needed, a key or value that does not parse) goes to the dead-letter callback instead.
 */
final class TopicWriters {

    /** Writes one decoded record of a topic whose records have no meaningful key. */
    interface ValueWriter<V> {
        void write(ConsumerRecord<byte[], byte[]> rec, V value);
    }

    /** Writes one decoded record of a compacted topic; a null value is a tombstone. */
    interface KeyedWriter<K, V> {
        void write(K key, V value);
    }

    /** Receives a record that cannot be written, with the reason. */
    interface Rejects {
        void reject(ConsumerRecord<byte[], byte[]> rec, String reason, Exception cause);
    }

    private final Map<String, Registered> byName = new LinkedHashMap<>();
    private final Rejects rejects;

    TopicWriters(Rejects rejects) {
        this.rejects = rejects;
    }

    /** Registers the writer of a topic whose every record has a value; the key is not read. */
    <V> TopicWriters values(Topic<?, V> topic, ValueWriter<V> writer) {
        return register(topic.name(), rec -> {
            V value = decode(topic, rec);
            if (value != null) {
                writer.write(rec, value);
            }
        });
    }

    /**
     * Registers the writer of a compacted topic: the key, as text, is parsed by {@code key} (which throws
     * {@link IllegalArgumentException} when it does not parse), and a record without a value is passed on as a
     * tombstone.
     */
    <K, V> TopicWriters keyed(Topic<String, V> topic, Function<String, K> key, KeyedWriter<K, V> writer) {
        return register(topic.name(), rec -> {
            if (rec.key() == null) {
                rejects.reject(rec, "record has no key", null);
                return;
            }
            K k;
            try {
                k = key.apply(new String(rec.key(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                rejects.reject(rec, e.getMessage(), e);
                return;
            }
            if (rec.value() == null) {
                writer.write(k, null);
                return;
            }
            V value = decode(topic, rec);
            if (value != null) {
                writer.write(k, value);
            }
        });
    }

    /** The names of the registered topics, in registration order. */
    List<String> topics() {
        return List.copyOf(byName.keySet());
    }

    /** Hands the record to its topic's writer; a record of a topic nobody registered is ignored. */
    void write(ConsumerRecord<byte[], byte[]> rec) {
        Registered writer = byName.get(rec.topic());
        if (writer != null) {
            writer.write(rec);
        }
    }

    private TopicWriters register(String name, Registered writer) {
        if (byName.putIfAbsent(name, writer) != null) {
            throw new IllegalArgumentException("topic " + name + " already has a writer");
        }
        return this;
    }

    /** The record's value, or null after rejecting it when it is missing or not valid for the topic's serde. */
    private <V> V decode(Topic<?, V> topic, ConsumerRecord<byte[], byte[]> rec) {
        if (rec.value() == null) {
            rejects.reject(rec, "record has no value", null);
            return null;
        }
        try {
            return topic.valueSerde().deserializer().deserialize(topic.name(), rec.value());
        } catch (SerializationException e) {
            rejects.reject(rec, e.getMessage(), e);
            return null;
        }
    }

    private interface Registered {
        void write(ConsumerRecord<byte[], byte[]> rec);
    }
}
