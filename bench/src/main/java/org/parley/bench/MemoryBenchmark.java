package org.parley.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.parley.coder.EventCoder;
import org.parley.common.Actor;
import org.parley.common.Event;
import org.parley.common.Span;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.processor.ProcessorSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.pipeline.LocalPipeline;
import org.parley.processor.InternalTopics;
import org.parley.processor.ProcessorApp;
import org.parley.processor.ProcessorLimits;
import org.parley.processor.RocksDbMemory;
import org.parley.processor.stance.StanceEvent;
import org.parley.processor.stance.StanceSerdes;
import org.parley.processor.stance.StanceTopology;

/**
 * {@code parley bench memory}: the processor's memory with N distinct events in its stores. The events (distinct
 * (day, dyad, code) tuples by construction) are written straight to the processor's events-by-dyad repartition
 * topic, the input of the stance sub-topology, so the run is not bound by the coder: the distinct-event, dyad,
 * country and daily stores fill exactly as coded articles would fill them. The recent-events store (fed before the
 * repartition, and bounded per country) is not filled this way.
 *
 * <p>After each step: heap used after a full GC ({@link java.lang.management.MemoryMXBean}) minus the same figure
 * taken before the processor started (the embedded broker shares this JVM), RocksDB's own memory from the Kafka
 * Streams RocksDB metrics (memtables, block cache, table readers, summed over stores), and the process RSS.
 */
public final class MemoryBenchmark {
    private static final String[] CODES = {"010", "020", "036", "040", "042", "043", "046", "051", "057", "061",
        "071", "090", "111", "112", "120", "130", "138", "160", "172", "190"};
    private static final double[] GOLDSTEIN = {0.0, 3.0, 4.0, 1.0, 1.9, 2.8, 7.0, 3.4, 8.0, 6.4, 7.4, -2.0, -2.0,
        -2.0, -4.0, -4.4, -7.0, -4.0, -5.0, -10.0};
    private static final String[] STATES = {"USA", "RUS", "UKR", "CHN", "FRA", "DEU", "GBR", "TUR", "IRN", "ISR",
        "IND", "JPN", "POL", "ITA", "HUN", "EGY", "BRA", "SAU", "ZAF", "CAN", "MEX", "SRB", "BLR", "VEN", "PRK",
        "KOR", "QAT", "PAK", "IDN", "NGA", "ESP", "NLD", "BEL", "SWE", "NOR", "FIN", "DNK", "AUT", "CHE", "GRC",
        "PRT", "ROU", "BGR", "CZE", "SVK", "ARG", "CHL", "COL", "PER", "AUS"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private final PrintWriter out;
    /** The processor's limits, its RocksDB bound among them ({@code PARLEY_ROCKSDB_MEMORY_MB}). */
    private final ProcessorLimits limits = ProcessorLimits.fromEnv(ParleyEnv.system());

    public MemoryBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Event number {@code i}: no two share (dyad, day, code) while i stays below dyads * 365 * codes. */
    static Event distinctEvent(int i) {
        int dyads = STATES.length * (STATES.length - 1);
        int dyad = i % dyads;
        int day = (i / dyads) % 365;
        int code = (i / dyads / 365) % CODES.length;
        String src = STATES[dyad / (STATES.length - 1)];
        int t = dyad % (STATES.length - 1);
        String tgt = STATES[t >= dyad / (STATES.length - 1) ? t + 1 : t];
        String cameo = CODES[code];
        String root = cameo.substring(0, 2);
        LocalDate date = FIRST_DAY.plusDays(day);
        String sentence = src + " and " + tgt + " officials met in Geneva on " + date
                + " to discuss energy and security, a spokesperson told reporters.";
        String id = "mem-" + i;
        return new Event(id + "-0-0", id, 0, sentence, new Span(0, sentence.length()), date,
                new Actor(src, Actor.ActorType.STATE, "GOV", src, src),
                new Actor(tgt, Actor.ActorType.STATE, "GOV", tgt, tgt), cameo, root,
                Event.quadClassOfRoot(root), GOLDSTEIN[code], "CONSULT", "Geneva", "bench.memory",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** One measurement after a step. */
    public record Point(long events, double heapMb, double heapDeltaMb, double rocksMemtablesMb,
                        double rocksBlockCacheMb, double rocksTableReadersMb, double sstMb, double rssMb,
                        double eventsPerSecond, double rocksSharedCacheMb, double rocksCapMb) {
        String keyValues() {
            return String.format(Locale.ROOT, "events=%d heap_mb=%.0f processor_heap_mb=%.0f rocksdb_memtables_mb=%.1f "
                            + "rocksdb_block_cache_mb=%.1f rocksdb_table_readers_mb=%.1f rocksdb_shared_cache_mb=%.1f "
                            + "rocksdb_cap_mb=%.1f rocksdb_sst_mb=%.1f rss_mb=%.0f stance_events_s=%.0f", events, heapMb,
                    heapDeltaMb, rocksMemtablesMb, rocksBlockCacheMb, rocksTableReadersMb, rocksSharedCacheMb,
                    rocksCapMb, sstMb, rssMb, eventsPerSecond);
        }
    }

    public List<Point> run(int totalEvents, int steps) throws IOException {
        Path work = Files.createTempDirectory("parley-bench-memory-");
        List<Point> points = new ArrayList<>();
        try (LocalPipeline local = LocalPipeline.withEmbeddedBroker(work.resolve("kafka"))) {
            ProcessorSettings config = ProcessorSettings.of(local.kafka(KafkaSettings.defaults()))
                    .withPartitions(3, (short) 1).withHttp("127.0.0.1", -1).withStateDir(work.resolve("state"))
                    .withTopicPrefix("bench-mem").withApplicationId("bench-mem-parley").withLimits(limits);
            TopicAdmin.ensureTopics(config.kafka());
            double baseline = heapAfterGcMb();
            say("heap after GC with the broker alone: %.0f MB", baseline);
            String repartition = InternalTopics.repartition(config.applicationId(), StanceTopology.EVENTS_BY_DYAD);
            AtomicLong lastSeen = new AtomicLong();
            // Dyad values are published once per interval with their latest value, not once per event: progress is
            // the sum of the dyads' latest event counts (every event written is distinct).
            var dyadValues = config.topics().dyadStance().valueSerde().deserializer();
            java.util.Map<String, Long> eventsByDyad = new java.util.concurrent.ConcurrentHashMap<>();
            AtomicLong aggregated = new AtomicLong();
            ProcessorApp app = local.startProcessor(config, EventCoder.withDefaultDictionaries());
            waitFor(() -> app.state() == KafkaStreams.State.RUNNING, "the processor to start");
            try (CommittedReader reader = new CommittedReader(config.kafkaProperties(),
                    List.of(config.topics().dyadStance().name()), (r, at) -> {
                        long events = dyadValues.deserialize(r.topic(), r.value()).events();
                        Long before = eventsByDyad.put(r.key(), events);
                        aggregated.addAndGet(events - (before == null ? 0 : before));
                        lastSeen.set(at);
                    }).start()) {
                Properties p = config.kafkaProperties();
                p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
                p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
                p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
                p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
                p.put("max.in.flight.requests.per.connection", 1);
                var serde = StanceSerdes.stanceEvents();
                int perStep = Math.max(1, totalEvents / steps);
                int sent = 0;
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
                    for (int step = 0; step < steps; step++) {
                        long started = System.nanoTime();
                        int upTo = step == steps - 1 ? totalEvents : sent + perStep;
                        for (; sent < upTo; sent++) {
                            Event e = distinctEvent(sent);
                            producer.send(new ProducerRecord<>(repartition, e.dyadKey(),
                                    serde.toBytes(List.of(StanceEvent.of(e)))));
                        }
                        producer.flush();
                        int target = sent;
                        waitFor(() -> aggregated.get() >= target, "the processor to aggregate " + target
                                + " events");
                        double seconds = (lastSeen.get() - started) / 1e9;
                        Point pt = measure(app, sent, baseline, work.resolve("state"), perStepEvents(step, perStep,
                                totalEvents, steps) / seconds);
                        points.add(pt);
                        say("memory: %s", pt.keyValues());
                    }
                }
            }
        } finally {
            BenchKafka.deleteTree(work);
        }
        return points;
    }

    private static int perStepEvents(int step, int perStep, int total, int steps) {
        return step == steps - 1 ? total - perStep * (steps - 1) : perStep;
    }

    private Point measure(ProcessorApp app, long events, double baseline, Path stateDir, double rate) {
        double heap = heapAfterGcMb();
        double memtables = 0;
        double blockCache = 0;
        double tableReaders = 0;
        // With the shared cache (RocksDbMemory) every store reports the one cache's usage: count it once (the
        // largest report), not once per store. Memtables are charged to that cache too (write-buffer manager).
        long cap = limits.rocksDbMemoryBytes();
        boolean shared = RocksDbMemory.usage(cap) > 0;
        for (Map.Entry<MetricName, ? extends Metric> m : app.streams().metrics().entrySet()) {
            Object v = m.getValue().metricValue();
            if (!(v instanceof Number n) || !"stream-state-metrics".equals(m.getKey().group())) {
                continue;
            }
            switch (m.getKey().name()) {
                case "size-all-mem-tables" -> memtables += n.doubleValue();
                case "block-cache-usage" -> blockCache = shared ? Math.max(blockCache, n.doubleValue())
                        : blockCache + n.doubleValue();
                case "estimate-table-readers-mem" -> tableReaders += n.doubleValue();
                default -> {
                }
            }
        }
        return new Point(events, heap, heap - baseline, memtables / 1e6, blockCache / 1e6, tableReaders / 1e6,
                directorySize(stateDir) / 1e6, rssMb(), rate, RocksDbMemory.usage(cap) / 1e6, cap / 1e6);
    }

    static double heapAfterGcMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    static double rssMb() {
        try (var lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).mapToDouble(l -> Double.parseDouble(
                    l.replaceAll("[^0-9]", "")) / 1e3).findFirst().orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long directorySize(Path dir) {
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private void say(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
