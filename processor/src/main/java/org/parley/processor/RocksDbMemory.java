package org.parley.processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the processor (Kafka Streams' {@code rocksdb.config.setter},
 * set by {@link StreamsSettings}): all stores, tasks, segments and stream threads of a process share one LRU block
 * cache of {@link ProcessorLimits#rocksDbMemoryMb()} MiB, and their memtables are charged to that same cache through
 * one {@link WriteBufferManager} (up to half of it), so that block cache, memtables and index and filter blocks
 * together stay near the one figure however many stores and segments there are. This is the pattern of Kafka
 * Streams' memory-management documentation ("RocksDB": bounded memory).
 *
 * <p>The cache and the write-buffer manager belong to the process, not to a store: {@link #close} leaves them open
 * (a store closed at a rebalance must not close what the other stores still use), and they live until the JVM ends.
 * One pair is kept per configured size, so two processors in one JVM with the same setting share one bound.
 *
 * <p>Why half: every open memtable is charged half a MiB to a MiB from the start (its first arena block), and the processor
 * has six stores per task. With a quarter (16 MiB of 64) three tasks' 18 memtables were over the write-buffer
 * manager's flush trigger from the start, so nearly every write flushed a nearly empty memtable: the pipeline
 * bench took twice the CPU (five times the system time). Give more memory with more partitions per instance.
 */
public final class RocksDbMemory implements RocksDBConfigSetter {
    /** Streams property under which {@link StreamsSettings} hands the bound, in bytes, to this setter. */
    public static final String CONFIG = "parley.rocksdb.memory.bytes";
    /** Share of the cache kept for index and filter blocks (high priority, so data blocks are evicted first). */
    static final double INDEX_FILTER_RATIO = 0.1;
    /** Largest single memtable; a sixteenth of the bound when that is smaller (but at least 1 MiB). */
    static final long MAX_MEMTABLE_BYTES = 16L * 1024 * 1024;

    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    /** The cache and write-buffer manager of one bound. */
    record Shared(long bytes, Cache cache, WriteBufferManager writeBufferManager) {
        static Shared of(long bytes) {
            Cache cache = new LRUCache(bytes, -1, false, INDEX_FILTER_RATIO);
            return new Shared(bytes, cache, new WriteBufferManager(bytes / 2, cache));
        }

        /** Memtable size for each store: an eighth of the memtable budget, at most 16 MiB, at least 1 MiB. */
        long memtableBytes() {
            return Math.max(1L << 20, Math.min(MAX_MEMTABLE_BYTES, bytes / 16));
        }
    }

    /** The shared cache and write-buffer manager for a bound of {@code bytes}, created on first use. */
    static Shared shared(long bytes) {
        return SHARED.computeIfAbsent(bytes, Shared::of);
    }

    /** Bytes the shared cache of this bound holds now (blocks, index and filter blocks, memtable charges). */
    public static long usage(long bytes) {
        Shared s = SHARED.get(bytes);
        return s == null ? 0 : s.cache().getUsage();
    }

    /** The bound handed over in {@link #CONFIG}, or the default. */
    static long bytes(Map<String, Object> configs) {
        Object v = configs.get(CONFIG);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            return Long.parseLong(s.trim());
        }
        return ProcessorLimits.defaults().rocksDbMemoryBytes();
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared shared = shared(bytes(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        // Index and filter blocks in the cache (counted against the bound), kept ahead of data blocks, with the
        // top level of partitioned indexes pinned so that lookups do not thrash.
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBufferManager());
        options.setWriteBufferSize(shared.memtableBytes());
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing of a store's own was created in setConfig; the shared cache and write-buffer manager stay open
        // for the other stores (the Streams documentation's bounded-memory pattern).
    }
}
