package org.parley.local;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many committed records a consumer group has still to process. Under exactly-once the gap between a
 * group's committed offset and the log end is not a record count: transaction markers take offsets too. So
 * this reads the gap with a read_committed consumer and counts only real records.
 */
public final class GroupProgress {
    private GroupProgress() {
    }

    /**
     * Whether the group has committed past every record: 0 when it has, otherwise a positive lower bound of the
     * records still pending. Looks at every partition the group has committed offsets for, plus every partition of
     * {@code alsoTopics} (from the start where the group has no offset yet).
     */
    public static long pendingRecords(Properties clientProps, String groupId, String... alsoTopics) {
        try (Admin admin = Admin.create(clientProps)) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> from = new java.util.HashMap<>();
            if (alsoTopics.length > 0) {
                admin.describeTopics(java.util.List.of(alsoTopics)).allTopicNames().get().values()
                        .forEach(d -> d.partitions().forEach(p -> from.put(new TopicPartition(d.name(),
                                p.partition()), 0L)));
            }
            committed.forEach((tp, om) -> {
                if (om != null) {
                    from.put(tp, om.offset());
                }
            });
            if (from.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            from.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                    new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            long pending = 0;
            Map<TopicPartition, Long> toRead = new java.util.HashMap<>();
            for (var e : from.entrySet()) {
                long end = ends.get(e.getKey()).offset();
                if (end > e.getValue()) {
                    toRead.put(e.getKey(), end);
                }
            }
            if (toRead.isEmpty()) {
                return 0;
            }
            Properties cp = new Properties();
            cp.putAll(clientProps);
            cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.assign(toRead.keySet());
                toRead.keySet().forEach(tp -> consumer.seek(tp, from.get(tp)));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!toRead.isEmpty() && System.nanoTime() < deadline) {
                    pending += consumer.poll(Duration.ofMillis(100)).count();
                    toRead.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                    if (pending > 0) {
                        break; // knowing that something is pending is enough
                    }
                }
                return pending + (toRead.isEmpty() ? 0 : 1);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read progress of group " + groupId + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
