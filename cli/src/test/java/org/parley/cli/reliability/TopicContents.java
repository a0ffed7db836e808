package org.parley.cli.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.parley.common.ParleyConfig;
import org.parley.common.Topic;

/** Reads what a topic holds right now, as a read_committed consumer without a group sees it. */
final class TopicContents {
    private TopicContents() {
    }

    /** Every committed record, partition by partition, up to the last stable offset at the time of the call. */
    static List<ConsumerRecord<byte[], byte[]>> readCommitted(ParleyConfig config, String topic) {
        Properties p = config.kafkaProperties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For a read_committed consumer the end offsets are the last stable offsets.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + ends + " within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The latest value per key, as a compacted topic's reader ends up with; a null value removes the key. */
    static <V> Map<String, V> latestByKey(ParleyConfig config, Topic<String, V> topic) {
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
