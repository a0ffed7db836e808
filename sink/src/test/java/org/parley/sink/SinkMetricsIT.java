package org.parley.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.sink.SinkIT.eventRecord;
import static org.parley.sink.SinkIT.json;
import static org.parley.sink.SinkIT.produce;
import static org.parley.sink.SinkIT.record;
import static org.parley.sink.TestData.country;
import static org.parley.sink.TestData.dyad;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.contracts.TopicAdmin;
import org.parley.contracts.Topics;
import org.parley.contracts.metrics.MetricsSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.MetricsScrape;
import org.parley.testkit.WithKafka;

@WithKafka
class SinkMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void metricsPortServesTheSinksCountersAsTheyMove(KafkaFixture kafka) {
        SinkSettings config = SinkFixture.settings(kafka).withMetrics(new MetricsSettings("127.0.0.1", 0));
        TopicAdmin.ensureTopics(config.kafka());
        Topics t = config.topics();
        int port;
        try (SinkApp sink = new SinkApp(config)) {
            sink.start();
            port = sink.metricsPort();
            assertThat(port).isPositive();
            MetricsScrape idle = MetricsScrape.of(port);
            assertThat(idle.value("parley_sink_events_written_total")).isZero();
            assertThat(idle.value("parley_sink_running")).isEqualTo(1);
            assertThat(idle.has("jvm_memory_used_bytes")).isTrue();
            assertThat(idle.has("jvm_gc_")).isTrue();

            produce(config, List.of(eventRecord(t, "m1"), eventRecord(t, "m2"), eventRecord(t, "m1"),
                    record(t.events().name(), "bad", "{not json".getBytes(StandardCharsets.UTF_8)),
                    record(t.dyadStance().name(), "RUS->USA", json(dyad("RUS", "USA", 1))),
                    record(t.countryStance().name(), "RUS", json(country("RUS", 1))),
                    record(t.dailyStance().name(), "RUS->USA@2026-11-25", json(dyad("RUS", "USA", 1)))));

            await().atMost(WAIT).untilAsserted(() -> {
                MetricsScrape m = MetricsScrape.of(port);
                assertThat(m.value("parley_sink_events_written_total")).isEqualTo(2);
                assertThat(m.value("parley_sink_duplicates_skipped_total")).isEqualTo(1);
                assertThat(m.value("parley_sink_dead_letters_total")).isEqualTo(1);
                assertThat(m.value("parley_sink_aggregates_written_total")).isEqualTo(3);
                assertThat(m.value("parley_sink_lag_records")).isZero();
                assertThat(m.value("parley_sink_kafka_down")).isZero();
            });
        }
        assertThatThrownBy(() -> MetricsScrape.of(port)).as("closed with the sink")
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aTakenMetricsPortStopsTheStartWithOneLine(KafkaFixture kafka) {
        SinkSettings first = SinkFixture.settings(kafka).withMetrics(new MetricsSettings("127.0.0.1", 0));
        try (SinkApp holder = new SinkApp(first)) {
            holder.start();
            SinkSettings second = first.withOutDir(kafka.outDir().resolveSibling("other-out"))
                    .withMetrics(new MetricsSettings("127.0.0.1", holder.metricsPort()));
            try (SinkApp sink = new SinkApp(second)) {
                assertThatThrownBy(sink::start).isInstanceOf(SinkException.class)
                        .hasMessageStartingWith("cannot serve metrics on 127.0.0.1:" + holder.metricsPort());
                assertThat(sink.isRunning()).isFalse();
            }
        }
    }
}
