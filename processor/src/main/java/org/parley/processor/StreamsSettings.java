package org.parley.processor;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.parley.processor.faults.DeadLetterDeserializationHandler;
import org.parley.processor.faults.DeadLetterProcessingHandler;
import org.parley.processor.faults.DeadLetterProductionHandler;
import org.parley.processor.faults.StreamFaults;

/** Kafka Streams properties of the processor, derived from {@link ProcessorSettings}. */
public final class StreamsSettings {
    /** How often the processor commits (and so makes its results visible to read_committed readers). */
    public static final int COMMIT_INTERVAL_MS = 100;

    private StreamsSettings() {
    }

    /**
     * @param advertisedHttp host:port other instances use to reach this instance's HTTP API (application.server),
     *                       or null when there is none
     */
    public static Properties of(ProcessorSettings config, String advertisedHttp) {
        return of(config, advertisedHttp, ProcessorLimits.defaults(), new StreamFaults());
    }

    /**
     * @param limits the bounds the exception handlers apply to dead letters
     * @param faults shared with the topology's guards and the uncaught-exception handler
     */
    public static Properties of(ProcessorSettings config, String advertisedHttp, ProcessorLimits limits,
                                StreamFaults faults) {
        Properties p = config.kafkaProperties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Live views want updates within a fraction of a second; EOS commits are the visibility boundary, and an
        // article's stance update crosses two of them (articles -> events-by-dyad -> dyad stance). See the
        // latency section of docs/stance.md for the measurement behind these values.
        tunable(p, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        // 100 ms: each commit is a transaction that blocks the stream thread and writes markers to every partition
        // it touched. At 50 ms the pipeline moved about a quarter fewer articles, for a p99 latency of about 230
        // instead of 480 ms (docs/benchmarks.md). The tunables here (commit interval, fetch wait, compression,
        // linger) yield to the client properties file, so an operator can trade one for the other; the
        // guarantees (exactly-once, naming, handlers) do not.
        tunable(p, StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafka().replication());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // Bad records go to the dead-letter topic with error headers (KIP-1034) and the stream goes on; output
        // that cannot be written condemns its input (see DeadLetterProductionHandler).
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().deadLetters().name());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        // Objects, not strings: Kafka hands the original properties to the handlers it instantiates.
        p.put(ProcessorLimits.CONFIG, limits);
        p.put(StreamFaults.CONFIG, faults);
        if (config.stateDir() != null) {
            p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        }
        if (advertisedHttp != null) {
            p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHttp);
        }
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        tunable(p, StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        tunable(p, StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        // One block cache and write-buffer manager for every RocksDB store of the process, of the configured size
        // (PARLEY_ROCKSDB_MEMORY_MB). A setter of the operator's own in the client properties wins.
        tunable(p, StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemory.class);
        p.put(RocksDbMemory.CONFIG, limits.rocksDbMemoryBytes());
        return p;
    }

    /** Parley's value unless the client properties set the key, with or without its client prefix. */
    private static void tunable(Properties p, String key, Object value) {
        String bare = key;
        for (String prefix : new String[] {StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX}) {
            if (key.startsWith(prefix)) {
                bare = key.substring(prefix.length());
            }
        }
        if (!p.containsKey(key) && !p.containsKey(bare)) {
            p.put(key, value);
        }
    }
}
