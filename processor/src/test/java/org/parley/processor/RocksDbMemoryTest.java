package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.contracts.ParleyEnv;
import org.parley.contracts.Topics;
import org.parley.processor.faults.StreamFaults;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.stance.StanceSettings;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** The bounded-memory setter: every store gets the one shared cache and write-buffer manager, and keeps them. */
class RocksDbMemoryTest {
    private static final EventCoder CODER = EventCoder.withDefaultDictionaries();
    private static final long MIB = 1024L * 1024L;

    @TempDir
    Path dir;

    private static Options streamsLikeOptions() {
        Options options = new Options();
        // what Kafka Streams' RocksDBStore hands the setter: its table config, with its own 50 MiB cache
        BlockBasedTableConfigWithAccessibleCache table = new BlockBasedTableConfigWithAccessibleCache();
        table.setBlockCache(new org.rocksdb.LRUCache(50 * MIB));
        options.setTableFormatConfig(table);
        return options;
    }

    @Test
    void everyStoreGetsTheSharedCacheAndWriteBufferManagerAndClosingOneStoreLeavesThemOpen() {
        long bytes = 40 * MIB;
        RocksDbMemory setter = new RocksDbMemory();
        try (Options a = streamsLikeOptions(); Options b = streamsLikeOptions()) {
            setter.setConfig("dyad-stance", a, Map.of(RocksDbMemory.CONFIG, bytes));
            setter.setConfig("distinct-events", b, Map.of(RocksDbMemory.CONFIG, bytes));
            RocksDbMemory.Shared shared = RocksDbMemory.shared(bytes);
            for (Options o : new Options[] {a, b}) {
                BlockBasedTableConfigWithAccessibleCache table =
                        (BlockBasedTableConfigWithAccessibleCache) o.tableFormatConfig();
                assertThat(table.blockCache()).isSameAs(shared.cache());
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
                assertThat(o.writeBufferManager()).isSameAs(shared.writeBufferManager());
                assertThat(o.writeBufferSize()).isEqualTo(bytes / 16);
                assertThat(o.maxWriteBufferNumber()).isEqualTo(2);
            }
            setter.close("dyad-stance", a);
            assertThat(shared.cache().isOwningHandle()).isTrue();
            assertThat(shared.writeBufferManager().isOwningHandle()).isTrue();
            assertThat(shared.cache().getUsage()).isNotNegative();
        }
    }

    @Test
    void theBoundComesFromTheSettingAndDefaultsTo64MiB() {
        assertThat(RocksDbMemory.bytes(Map.of())).isEqualTo(64 * MIB);
        assertThat(RocksDbMemory.bytes(Map.of(RocksDbMemory.CONFIG, "33554432"))).isEqualTo(32 * MIB);
        assertThat(ProcessorLimits.fromEnv(ParleyEnv.of(Map.of(ProcessorLimits.ROCKSDB_MEMORY_MB, "128"))).rocksDbMemoryBytes())
                .isEqualTo(128 * MIB);
        Properties p = StreamsSettings.of(ProcessorSettings.defaults(), null,
                ProcessorLimits.fromEnv(ParleyEnv.of(Map.of(ProcessorLimits.ROCKSDB_MEMORY_MB, "96"))), new StreamFaults());
        assertThat(p.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(RocksDbMemory.class);
        assertThat(p.get(RocksDbMemory.CONFIG)).isEqualTo(96 * MIB);
        // a table config of another kind is still given the cache (the setter does not depend on Streams' subclass)
        try (Options o = new Options()) {
            o.setTableFormatConfig(new BlockBasedTableConfig());
            new RocksDbMemory().setConfig("s", o, Map.of(RocksDbMemory.CONFIG, 40 * MIB));
            assertThat(o.writeBufferManager()).isSameAs(RocksDbMemory.shared(40 * MIB).writeBufferManager());
        }
    }

    /** The real topology's stores, opened and closed twice by TopologyTestDriver, fill the one cache. */
    @Test
    void theProcessorsStoresChargeTheSharedCacheAcrossRestarts() {
        long bytes = 24 * MIB; // a size no other test uses, so the usage is this test's
        assertThat(RocksDbMemory.usage(bytes)).isZero();
        for (int run = 0; run < 2; run++) {
            ProcessorSettings config = ProcessorSettings.defaults().withTopicPrefix("t").withApplicationId("rocks-" + run)
                    .withStateDir(dir.resolve("state-" + run)).withBootstrapServers("unused:9092");
            Properties props = StreamsSettings.of(config, null, new ProcessorLimits(2_000, 500, 512 * 1024, 4, 24),
                    new StreamFaults());
            Topics topics = config.topics();
            try (TopologyTestDriver driver = new TopologyTestDriver(ParleyTopology.buildTopology(topics, CODER,
                    StanceSettings.defaults(), PipelineMetrics.NONE), props)) {
                TestInputTopic<String, Article> in = driver.createInputTopic(topics.articles().name(),
                        topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer());
                Article a = new Article("a" + run, null, "Russia and the United States held talks in Istanbul.",
                        LocalDate.parse("2025-02-28"), Article.DateSource.METADATA, null, null, null, null, "a" + run,
                        Instant.parse("2025-02-28T12:00:00Z"));
                in.pipeInput(a.id(), a);
                assertThat(driver.getKeyValueStore("dyad-stance").get("RUS->USA")).isNotNull();
                assertThat(RocksDbMemory.usage(bytes)).isPositive();
            }
            // the stores are closed; the shared cache is not
            assertThat(RocksDbMemory.shared(bytes).cache().isOwningHandle()).isTrue();
        }
    }
}
