package org.parley.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.parley.common.Event;
import org.parley.contracts.KafkaSettings;

/**
 * For each dyad, where the dates of its events came from ({@code sidecar}, {@code html-meta}, {@code dateline},
 * ...), read from the events topic as committed: what the stance table shows beside each row.
 */
final class EventDates {
    private EventDates() {
    }

    /** Dyad key ({@code RUS->USA}) to the sorted names of its events' date sources; reads the topic to its end. */
    static Map<String, SortedSet<String>> byDyad(KafkaSettings config, Duration timeout) {
        Properties props = config.kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        var topic = config.topics().events();
        Map<String, SortedSet<String>> out = new TreeMap<>();
        try (KafkaConsumer<String, Event> consumer = new KafkaConsumer<>(props,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Event> r : consumer.poll(Duration.ofMillis(200))) {
                    Event e = r.value();
                    if (e != null && e.target() != null) {
                        out.computeIfAbsent(e.dyadKey(), k -> new TreeSet<>())
                                .add(e.dateFrom() == null ? "?" : e.dateFrom());
                    }
                }
            }
        }
        return out;
    }
}
