package org.parley.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.parley.coder.EventCoder;
import org.parley.common.DyadStance;
import org.parley.contracts.ParleyConfig;
import org.parley.contracts.TopicAdmin;
import org.parley.contracts.Topics;
import org.parley.local.GroupProgress;
import org.parley.processor.ProcessorApp;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.stance.StanceTopology;
import org.parley.sink.Sink;

/**
 * The processor and the sink running together in this JVM against one Kafka: what {@code parley demo} runs
 * over the embedded broker, and what the end-to-end tests run over theirs.
 */
public final class LocalPipeline implements AutoCloseable {
    private final ParleyConfig config;
    private final ProcessorApp processor;
    private final Sink sink;

    private LocalPipeline(ParleyConfig config, ProcessorApp processor, Sink sink) {
        this.config = config;
        this.processor = processor;
        this.sink = sink;
    }

    /** Creates the topics, starts the processor and the sink, and waits until the processor is RUNNING. */
    public static LocalPipeline start(ParleyConfig config, EventCoder coder, Duration timeout) {
        TopicAdmin.ensureTopics(config);
        ProcessorApp processor = new ProcessorApp(config, coder, StanceSettings.defaults()).start();
        Sink sink = new Sink(config);
        LocalPipeline pipeline = new LocalPipeline(config, processor, sink);
        try {
            sink.start();
            pipeline.waitFor(() -> processor.state() == KafkaStreams.State.RUNNING, timeout,
                    "the processor to start");
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    public ProcessorApp processor() {
        return processor;
    }

    public Sink sink() {
        return sink;
    }

    /**
     * Waits until the processor has committed past every article and every record of its internal topics, and the
     * sink past every record of the topics it writes: then everything ingested so far is on disk.
     */
    public void awaitIdle(Duration timeout) {
        Properties props = config.kafkaProperties();
        Topics topics = config.topics();
        String appId = config.applicationId();
        String[] processorInputs = {topics.articles().name(),
            appId + "-" + StanceTopology.EVENTS_BY_DYAD + "-repartition",
            appId + "-" + StanceTopology.COUNTRY_SHARES + "-repartition"};
        String[] sinkInputs = {topics.events().name(), topics.dyadStance().name(), topics.countryStance().name(),
            topics.dailyStance().name()};
        int[] quietChecks = {0};
        waitFor(() -> {
            boolean idle = GroupProgress.pendingRecords(props, appId, processorInputs) == 0
                    && GroupProgress.pendingRecords(props, config.sinkGroupId(), sinkInputs) == 0;
            quietChecks[0] = idle ? quietChecks[0] + 1 : 0;
            return quietChecks[0] >= 2;
        }, timeout, "the pipeline to process everything ingested");
    }

    /** Every dyad's current aggregate, most events first, read from the processor's state store. */
    public List<DyadStance> dyads() {
        ReadOnlyKeyValueStore<String, DyadStance> store = processor.streams().store(
                StoreQueryParameters.fromNameAndType(StanceTopology.DYAD_STANCE_STORE,
                        QueryableStoreTypes.keyValueStore()));
        List<DyadStance> rows = new ArrayList<>();
        try (KeyValueIterator<String, DyadStance> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, DyadStance> kv = it.next();
                rows.add(kv.value);
            }
        }
        rows.sort(Comparator.comparingLong(DyadStance::events).reversed()
                .thenComparing(DyadStance::source).thenComparing(DyadStance::target));
        return rows;
    }

    private void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        sink.close();
        processor.close();
    }
}
