package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.parley.contracts.KafkaSettings;

/** What the Kafka benchmarks share: their producers' settings, waiting for leaders and conditions, clean-up. */
final class BenchKafka {
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private BenchKafka() {
    }

    /**
     * Producer settings of the benchmark's own article producers. Idempotence is off: right after topic creation
     * the embedded 4.4 broker answered NOT_LEADER_OR_FOLLOWER and then rejected every retry of the idempotent
     * producer with OUT_OF_ORDER_SEQUENCE_NUMBER, forever. One request in flight keeps the order without it; a
     * duplicate from a retry is harmless (the processor drops repeated article ids, the pass-through waits for
     * at least N).
     */
    static Properties producerProperties(KafkaSettings config) {
        Properties p = config.kafkaProperties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put("max.in.flight.requests.per.connection", 1);
        return p;
    }

    /** Waits until every partition of the topics has a leader, so the first sends do not bounce. */
    static void awaitLeaders(KafkaSettings config, String... topics) {
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            await(() -> {
                try {
                    return admin.describeTopics(List.of(topics)).allTopicNames().get().values().stream()
                            .allMatch(d -> d.partitions().stream().allMatch(pi -> pi.leader() != null
                                    && !pi.leader().isEmpty()));
                } catch (Exception e) {
                    return false;
                }
            }, 100, "leaders of " + List.of(topics));
        }
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, 20, what);
    }

    static void await(BooleanSupplier condition, long pollMillis, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + TIMEOUT.toMinutes() + " min waiting for " + what);
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the measurement for
        }
    }
}
