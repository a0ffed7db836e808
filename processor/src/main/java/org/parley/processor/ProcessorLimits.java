package org.parley.processor;

import java.util.Map;
import org.parley.contracts.ParleyEnv;

/**
 * Bounds on what one input may cost the processor, each read from the environment (docs/operations.md, "Limits
 * and poison articles"). Without them one huge article produces a changelog record larger than the producer may
 * send, and the stream thread that codes it dies on every retry.
 *
 * @param maxSentences  sentences coded per article: the text is cut after its Nth sentence mark
 * @param maxEvents     events kept per article, in sentence order
 * @param maxValueBytes largest value the processor stores or sends: an event larger than this is dropped, a
 *                      {@code recent-events-by-article} entry keeps only the events that fit, and a dead letter whose
 *                      original value is larger carries no value. Keep it well below the producer's
 *                      {@code max.request.size} and the topics' {@code max.message.bytes} (1 MiB by default)
 * @param maxSseClients live-stream (SSE) clients served at once; more are answered 503
 * @param rocksDbMemoryMb off-heap memory of all the processor's RocksDB stores in one process, in MiB: one shared
 *                      block cache that memtables, index and filter blocks are charged to (see {@link RocksDbMemory})
 */
public record ProcessorLimits(int maxSentences, int maxEvents, int maxValueBytes, int maxSseClients,
                              int rocksDbMemoryMb) {
    public static final String MAX_SENTENCES = "PARLEY_MAX_SENTENCES";
    public static final String MAX_EVENTS = "PARLEY_MAX_EVENTS";
    public static final String MAX_VALUE_BYTES = "PARLEY_MAX_VALUE_BYTES";
    public static final String MAX_SSE_CLIENTS = "PARLEY_MAX_SSE_CLIENTS";
    public static final String ROCKSDB_MEMORY_MB = "PARLEY_ROCKSDB_MEMORY_MB";
    /** 64 MiB: at 1 million distinct events the unbounded stores used about 200 MB (docs/benchmarks.md). */
    public static final int DEFAULT_ROCKSDB_MEMORY_MB = 64;
    /** Streams property under which the limits reach the exception handlers, which Kafka instantiates. */
    public static final String CONFIG = "parley.processor.limits";

    public ProcessorLimits {
        ParleyEnv.requirePositive(MAX_SENTENCES, maxSentences);
        ParleyEnv.requirePositive(MAX_EVENTS, maxEvents);
        ParleyEnv.requirePositive(MAX_SSE_CLIENTS, maxSseClients);
        if (rocksDbMemoryMb < 8) {
            throw new IllegalArgumentException(ROCKSDB_MEMORY_MB + " must be at least 8, got " + rocksDbMemoryMb);
        }
        if (maxValueBytes < 1024) {
            throw new IllegalArgumentException(MAX_VALUE_BYTES + " must be at least 1024, got " + maxValueBytes);
        }
    }

    /** With the default RocksDB memory bound. */
    public ProcessorLimits(int maxSentences, int maxEvents, int maxValueBytes, int maxSseClients) {
        this(maxSentences, maxEvents, maxValueBytes, maxSseClients, DEFAULT_ROCKSDB_MEMORY_MB);
    }

    /** {@link #rocksDbMemoryMb} in bytes. */
    public long rocksDbMemoryBytes() {
        return rocksDbMemoryMb * 1024L * 1024L;
    }

    /**
     * A long news article has a few hundred sentences; 2,000 leaves room for transcripts while keeping one
     * article's coding under a few seconds. 500 events at about 600 bytes of JSON each stay under the 512 KiB
     * value bound. 256 SSE clients cost 256 threads.
     */
    public static ProcessorLimits defaults() {
        return new ProcessorLimits(2_000, 500, 512 * 1024, 256);
    }

    public static ProcessorLimits fromEnv(ParleyEnv env) {
        ProcessorLimits d = defaults();
        return new ProcessorLimits(env.integer(MAX_SENTENCES, d.maxSentences), env.integer(MAX_EVENTS, d.maxEvents),
                env.integer(MAX_VALUE_BYTES, d.maxValueBytes), env.integer(MAX_SSE_CLIENTS, d.maxSseClients),
                env.integer(ROCKSDB_MEMORY_MB, d.rocksDbMemoryMb));
    }

    /** The limits handed over in {@link #CONFIG}, or the defaults. */
    public static ProcessorLimits from(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof ProcessorLimits l ? l : defaults();
    }

}
