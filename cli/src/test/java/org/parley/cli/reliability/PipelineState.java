package org.parley.cli.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.parley.local.GroupProgress;
import org.parley.processor.InternalTopics;
import org.parley.processor.ProcessorSettings;

/** What the tests ask the broker about a running processor: has it caught up, and is it writing. */
final class PipelineState {
    private PipelineState() {
    }

    /**
     * True when the processor's group has committed past every record of the articles topic and of every
     * repartition topic of its application id. Under exactly-once the committed offsets and the outputs of a task
     * are committed in one transaction, so once this holds every output is visible to read_committed readers.
     */
    static boolean processorCaughtUp(ProcessorSettings config) {
        List<String> inputs = new ArrayList<>();
        inputs.add(config.topics().articles().name());
        inputs.addAll(repartitionTopics(config));
        return GroupProgress.pendingRecords(config.kafkaProperties(), config.applicationId(),
                inputs.toArray(String[]::new)) == 0;
    }

    static List<String> repartitionTopics(ProcessorSettings config) {
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            return admin.listTopics().names().get().stream()
                    .filter(n -> InternalTopics.isInternal(config.applicationId(), n) && n.endsWith("-repartition"))
                    .sorted().toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sum of the log-end offsets of a topic, open transactions included: grows while anything writes to it. */
    static long logEnd(Properties clientProps, String topic) {
        try (Admin admin = Admin.create(clientProps)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream()
                    .collect(Collectors.summingLong(info -> info.offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
