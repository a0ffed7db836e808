package org.parley.sink.gdelt;

import org.parley.testkit.TopicWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.contracts.JsonSerde;
import org.parley.contracts.TopicAdmin;
import org.parley.sink.SinkApp;
import org.parley.sink.SinkFixture;
import org.parley.sink.SinkSettings;
import org.parley.sink.SinkOptions;
import org.parley.sink.SinkStats;
import org.parley.sink.TestData;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/** The GDELT export over a real broker: written with events.jsonl, and no row twice across restarts. */
@WithKafka
class GdeltSinkIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final SinkOptions GDELT = SinkOptions.defaults().withGdelt(true);

    @Test
    void theExportHoldsEachEventOfEventsJsonlExactlyOnceAcrossRestarts(KafkaFixture kafka) throws IOException {
        SinkSettings config = SinkFixture.settings(kafka);
        TopicAdmin.ensureTopics(config.kafka());
        Path out = config.outDir();
        Path file = out.resolve("gdelt/events-20261126.export.CSV");

        // First run without the export.
        produce(config, "a", 20, 3);
        run(config, SinkOptions.defaults(), 20);
        assertThat(out.resolve("gdelt")).doesNotExist();

        // Switched on: the 20 events already on disk are exported, and the 10 new ones.
        produce(config, "b", 10, 5);
        run(config, GDELT, 10);
        assertThat(file).exists();
        assertThat(rowIds(file)).hasSize(30).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expectedRowIds(out));

        // Read everything again (no stored offsets): nothing new in either file.
        Files.delete(out.resolve(".sink/offsets.json"));
        SinkStats stats = run(config, GDELT, 0);
        assertThat(stats.duplicatesSkipped()).isEqualTo(32);
        assertThat(rowIds(file)).hasSize(30).doesNotHaveDuplicates();

        // As after a crash between the two appends: the last rows are missing, and are written again.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, 25), StandardCharsets.UTF_8);
        produce(config, "c", 5, 0);
        run(config, GDELT, 5);
        assertThat(rowIds(file)).hasSize(35).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expectedRowIds(out));
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(61));
    }

    private static SinkStats run(SinkSettings config, SinkOptions options, long expectedEvents) {
        try (SinkApp sink = new SinkApp(config.withOptions(options))) {
            sink.start();
            await().atMost(WAIT).until(() -> sink.lag() == 0 && sink.stats().eventsWritten() >= expectedEvents
                    || !sink.isRunning());
            sink.close();
            assertThat(sink.stats().lastError()).isNull();
            assertThat(sink.stats().eventsWritten()).isEqualTo(expectedEvents);
            return sink.stats();
        }
    }

    private static List<Long> rowIds(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> Long.parseLong(l.substring(0, l.indexOf('\t')))).toList();
    }

    /** The GLOBALEVENTIDs of the events in events.jsonl. */
    private static List<Long> expectedRowIds(Path out) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
            ids.add(GdeltRow.globalEventId(Json.mapper().readTree(line).get("id").asText()));
        }
        return ids;
    }

    /** n events prefix0..prefix(n-1), then event prefix{repeat} once more, in one transaction. */
    private static void produce(SinkSettings config, String prefix, int n, int repeat) {
        JsonSerde<Event> serde = JsonSerde.of(Event.class);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(record(config, serde, prefix + i));
        }
        if (repeat > 0) {
            records.add(record(config, serde, prefix + repeat));
        }
        TopicWriter.produceInTransaction(config.kafka(), records);
    }

    private static ProducerRecord<byte[], byte[]> record(SinkSettings config, JsonSerde<Event> serde, String id) {
        return new ProducerRecord<>(config.topics().events().name(), id.getBytes(StandardCharsets.UTF_8),
                serde.toBytes(TestData.event(id)));
    }
}
