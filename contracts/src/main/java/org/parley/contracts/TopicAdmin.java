package org.parley.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates Parley's topics up front, so that no part depends on broker-side auto-creation. */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /** Creates every topic of {@code config.topics()} that does not exist yet. Existing topics are left alone. */
    public static void ensureTopics(KafkaSettings config) {
        Map<String, Boolean> compacted = new java.util.LinkedHashMap<>();
        config.topics().all().forEach(t -> compacted.put(t.name(), t.compacted()));
        ensure(config, compacted);
    }

    /** Creates each of these topics (delete policy) that does not exist yet: topics named by the user. */
    public static void ensureTopics(KafkaSettings config, List<String> names) {
        Map<String, Boolean> compacted = new java.util.LinkedHashMap<>();
        names.forEach(n -> compacted.put(n, false));
        ensure(config, compacted);
    }

    private static void ensure(KafkaSettings config, Map<String, Boolean> compactedByName) {
        if (compactedByName.isEmpty()) {
            return;
        }
        Properties props = config.kafkaProperties();
        // Fail within half a minute with a clear message rather than after the admin client's default minute.
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (Map.Entry<String, Boolean> t : compactedByName.entrySet()) {
                if (existing.contains(t.getKey())) {
                    continue;
                }
                NewTopic nt = new NewTopic(t.getKey(), config.partitions(), config.replication());
                if (t.getValue()) {
                    nt.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                wanted.add(nt);
            }
            if (wanted.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(wanted).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            List<String> names = wanted.stream().map(NewTopic::name).toList();
            awaitLeaders(admin, names, Duration.ofSeconds(30));
            LOG.info("created topics {}", names);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + config.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Creation returns before every partition has a leader; a producer writing at once then meets
     * NOT_LEADER errors. Waiting here makes "created" mean "writable".
     */
    private static void awaitLeaders(Admin admin, List<String> names, Duration timeout)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
                boolean led = described.values().stream().allMatch(d -> d.partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (led) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + names + " have no leader after " + timeout.toSeconds()
                        + " s");
            }
            Thread.sleep(50);
        }
    }
}
