package org.parley.cli.reliability;

import org.parley.testkit.TopicWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.parley.common.Actor;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.common.Span;
import org.parley.contracts.JsonSerde;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.Topics;

/** Records for the sink's topics, written as the processor writes them: in transactions. */
final class SinkRecords {
    private SinkRecords() {
    }

    static Event event(String id) {
        return new Event(id, "article-" + id, 0, "Russia met the United States.", new Span(0, 29),
                LocalDate.of(2026, 11, 26),
                new Actor("RUS", Actor.ActorType.STATE, "GOV", "Russia", "Russia"),
                new Actor("USA", Actor.ActorType.STATE, "GOV", "United States", "the United States"),
                "040", "04", 1, 1.0, "CONSULT", null, "consult.meet", Instant.parse("2026-11-26T10:00:00Z"));
    }

    /** A dyad aggregate whose event count identifies the write that produced it. */
    static DyadStance dyad(String source, String target, long events) {
        return new DyadStance(source, target, events, events, events * 1.0, 1.0, Map.of("1", events),
                Map.of("04", events), 1.0, 0.5, Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2026-11-26T00:00:00Z"), List.of("e" + events), Instant.parse("2026-11-26T10:00:00Z"));
    }

    static ProducerRecord<byte[], byte[]> eventRecord(Topics t, String id) {
        return record(t.events().name(), id, JsonSerde.of(Event.class).toBytes(event(id)));
    }

    static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Produces in one transaction, as the processor does (exactly_once_v2). */
    static void produce(KafkaSettings config, List<ProducerRecord<byte[], byte[]>> records) {
        TopicWriter.produceInTransaction(config, records);
    }
}
