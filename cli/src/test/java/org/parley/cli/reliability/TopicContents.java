package org.parley.cli.reliability;

import org.parley.testkit.TopicReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.Topic;

/** Reads what a topic holds right now, as a read_committed consumer without a group sees it. */
final class TopicContents {
    private TopicContents() {
    }

    /** Every committed record, partition by partition, up to the last stable offset at the time of the call. */
    static List<ConsumerRecord<byte[], byte[]>> readCommitted(KafkaSettings config, String topic) {
        return TopicReader.readCommitted(config, topic);
    }

    /** The latest value per key, as a compacted topic's reader ends up with; a null value removes the key. */
    static <V> Map<String, V> latestByKey(KafkaSettings config, Topic<String, V> topic) {
        Map<String, V> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(config, topic.name())) {
            String key = topic.keySerde().deserializer().deserialize(topic.name(), r.key());
            V value = topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
            if (value == null) {
                latest.remove(key);
            } else {
                latest.put(key, value);
            }
        }
        return latest;
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
