package org.parley.sink.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.parley.sink.SinkApp;
import org.parley.sink.SinkStats;

/**
 * The sink's meters, read from {@link SinkStats} at each scrape, so that they always say what the sink's summary
 * line says. Counters count since this process started; the files on disk hold what earlier runs wrote. The meters
 * hold the sink itself: Micrometer keeps only a weak reference to a function counter's object, and the sink is
 * what its caller keeps alive.
 */
public final class SinkMetrics {
    private SinkMetrics() {
    }

    /**
     * Registers {@code parley_sink_events_written_total}, {@code parley_sink_duplicates_skipped_total},
     * {@code parley_sink_aggregates_written_total}, {@code parley_sink_dead_letters_total}, and the gauges
     * {@code parley_sink_lag_records} (-1 while unknown), {@code parley_sink_kafka_down} and
     * {@code parley_sink_running}.
     */
    public static void bind(MeterRegistry registry, SinkApp sink) {
        counter(registry, "parley.sink.events.written", sink, SinkStats::eventsWritten,
                "events appended to events.jsonl (and fsynced) by this process");
        counter(registry, "parley.sink.duplicates.skipped", sink, SinkStats::duplicatesSkipped,
                "events not written because their id was already on disk");
        counter(registry, "parley.sink.aggregates.written", sink, SinkStats::aggregatesWritten,
                "stance records (dyad, country, daily; tombstones too) applied to the snapshot files");
        counter(registry, "parley.sink.dead.letters", sink, SinkStats::deadLettered,
                "records sent to the dead-letter topic");
        Gauge.builder("parley.sink.lag", sink, s -> s.stats().lag()).baseUnit("records")
                .description("records left to write, summed over the partitions read; -1 while unknown")
                .register(registry);
        flag(registry, "parley.sink.kafka.down", sink, SinkApp::kafkaDown, "1 while Kafka cannot be reached, else 0");
        flag(registry, "parley.sink.running", sink, SinkApp::isRunning,
                "1 while the poll loop runs; 0 once it stopped on an error");
    }

    private static void counter(MeterRegistry registry, String name, SinkApp sink, ToDoubleFunction<SinkStats> value,
                                String description) {
        FunctionCounter.builder(name, sink, s -> value.applyAsDouble(s.stats())).description(description)
                .register(registry);
    }

    private static void flag(MeterRegistry registry, String name, SinkApp sink, Predicate<SinkApp> value,
                             String description) {
        Gauge.builder(name, sink, s -> value.test(s) ? 1 : 0).description(description).register(registry);
    }
}
