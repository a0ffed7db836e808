package org.parley.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.sink.SinkIT.eventIds;
import static org.parley.sink.SinkIT.eventRecord;
import static org.parley.sink.SinkIT.json;
import static org.parley.sink.SinkIT.produce;
import static org.parley.sink.SinkIT.record;
import static org.parley.sink.SinkIT.runUntilCaughtUp;
import static org.parley.sink.TestData.country;
import static org.parley.sink.TestData.dyad;
import static org.parley.sink.TestData.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.contracts.DeadLetterHeaders;
import org.parley.contracts.JsonSerde;
import org.parley.contracts.TopicAdmin;
import org.parley.contracts.Topics;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

/**
 * Records of every shape the sink can meet, over a real broker: tombstones on the compacted stance topics remove
 * their key from the snapshots (also after a restart, from the state loaded back from the files); a record with no
 * key on a stance topic (where the topic accepts one), an event record with no value, and events missing a field
 * the sink needs are dead-lettered with the reason and the rest is written; an event without a key is written, by
 * the id in its value.
 */
@WithKafka
class SinkRecordShapesIT {
    private static final JsonSerde<Event> EVENTS = JsonSerde.of(Event.class);

    private static Event withoutSource(String id) {
        Event e = event(id);
        return new Event(e.id(), e.articleId(), e.sentenceIndex(), e.sentence(), e.span(), e.date(), null,
                e.target(), e.cameo(), e.root(), e.quadClass(), e.goldstein(), e.plover(), e.location(), e.rule(),
                e.ingestedAt());
    }

    private static Event withoutCameo(String id) {
        Event e = event(id);
        return new Event(e.id(), e.articleId(), e.sentenceIndex(), e.sentence(), e.span(), e.date(), e.source(),
                e.target(), " ", e.root(), e.quadClass(), e.goldstein(), e.plover(), e.location(), e.rule(),
                e.ingestedAt());
    }

    @Test
    void tombstonesRemoveKeysAndRecordsWithoutKeyValueOrFieldsAreDeadLettered(KafkaFixture kafka) throws Exception {
        SinkSettings config = SinkFixture.settings(kafka);
        TopicAdmin.ensureTopics(config.kafka());
        Topics t = config.topics();
        Path out = config.outDir();
        produce(config, List.of(
                eventRecord(t, "e1"),
                eventRecord(t, "e2"),
                record(t.dyadStance().name(), "RUS->USA", json(dyad("RUS", "USA", 1))),
                record(t.dyadStance().name(), "USA->RUS", json(dyad("USA", "RUS", 1))),
                record(t.countryStance().name(), "RUS", json(country("RUS", 2))),
                record(t.countryStance().name(), "USA", json(country("USA", 2))),
                record(t.dailyStance().name(), "RUS->USA@2026-11-25", json(dyad("RUS", "USA", 1))),
                record(t.dailyStance().name(), "USA->RUS@2026-11-25", json(dyad("USA", "RUS", 1))),
                record(t.dailyStance().name(), "RUS->USA@2026-11-26", json(dyad("RUS", "USA", 1)))));
        runUntilCaughtUp(config, 2);
        assertThat(keys(out, "stance/dyads.json")).containsExactly("RUS->USA", "USA->RUS");
        assertThat(keys(out, "stance/countries.json")).containsExactly("RUS", "USA");
        assertThat(keys(out, "stance/daily/2026-11-25.json")).containsExactly("RUS->USA", "USA->RUS");

        // A restarted sink, from the snapshots on disk: tombstones and records of every bad shape.
        List<ProducerRecord<byte[], byte[]>> second = new ArrayList<>();
        second.add(record(t.dyadStance().name(), "RUS->USA", null));
        second.add(record(t.countryStance().name(), "USA", null));
        second.add(record(t.dailyStance().name(), "RUS->USA@2026-11-25", null));
        second.add(record(t.dailyStance().name(), "RUS->USA@2026-11-26", null));
        second.add(record(t.dailyStance().name(), "CHN->USA@2026-11-27", null)); // a key never seen: nothing
        second.add(record(t.events().name(), "e3", null));
        second.add(record(t.events().name(), "e4", EVENTS.toBytes(withoutSource("e4"))));
        second.add(record(t.events().name(), "e5", EVENTS.toBytes(withoutCameo("e5"))));
        second.add(record(t.events().name(), null, EVENTS.toBytes(event("e6"))));
        second.add(eventRecord(t, "e7"));
        produce(config, second);
        SinkStats stats = runUntilCaughtUp(config, 2);

        assertThat(stats.deadLettered()).isEqualTo(3);
        assertThat(eventIds(out)).containsExactly("e1", "e2", "e6", "e7");
        assertThat(keys(out, "stance/dyads.json")).containsExactly("USA->RUS");
        assertThat(keys(out, "stance/countries.json")).containsExactly("RUS");
        assertThat(keys(out, "stance/daily/2026-11-25.json")).containsExactly("USA->RUS");
        assertThat(keys(out, "stance/daily/2026-11-26.json")).as("the day's last dyad removed").isEmpty();
        assertThat(out.resolve("stance/daily/2026-11-27.json")).doesNotExist();

        List<ConsumerRecord<byte[], byte[]>> dlq = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dlq.clear();
            dlq.addAll(TopicReader.readCommitted(config.kafka(), t.deadLetters().name()));
            return dlq.size() >= 3;
        });
        Map<String, String> reasons = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dlq) {
            assertThat(header(r, DeadLetterHeaders.COMPONENT)).isEqualTo("sink");
            String key = r.key() == null ? "(none)" : new String(r.key(), StandardCharsets.UTF_8);
            reasons.put(header(r, DeadLetterHeaders.TOPIC) + " " + key,
                    header(r, DeadLetterHeaders.MESSAGE));
        }
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                t.events().name() + " e3", "record has no value",
                t.events().name() + " e4", "event has no source actor code",
                t.events().name() + " e5", "event has no CAMEO code"));
        ConsumerRecord<byte[], byte[]> noValue = dlq.stream()
                .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals("e3"))
                .findFirst().orElseThrow();
        assertThat(noValue.value()).isNull();
    }

    /**
     * The broker refuses a record without key on a compacted topic, so on the stance topics Parley creates one
     * never arrives; on stance topics an operator created with {@code cleanup.policy=delete} (Parley leaves existing
     * topics alone) it can. Each is dead-lettered with its value, and the keyed records around it are written.
     */
    @Test
    void aStanceRecordWithoutKeyIsDeadLetteredWhereTheTopicAcceptsOne(KafkaFixture kafka) throws Exception {
        SinkSettings config = SinkFixture.settings(kafka);
        Topics t = config.topics();
        List<NewTopic> deleting = new ArrayList<>();
        for (String name : List.of(t.dyadStance().name(), t.countryStance().name(), t.dailyStance().name())) {
            deleting.add(new NewTopic(name, 1, (short) 1).configs(Map.of("cleanup.policy", "delete")));
        }
        kafka.admin().createTopics(deleting).all().get();
        TopicAdmin.ensureTopics(config.kafka());
        Path out = config.outDir();
        produce(config, List.of(
                record(t.dyadStance().name(), null, json(dyad("CHN", "USA", 1))),
                record(t.dyadStance().name(), "RUS->USA", json(dyad("RUS", "USA", 1))),
                record(t.countryStance().name(), null, json(country("CHN", 1))),
                record(t.countryStance().name(), "RUS", json(country("RUS", 1))),
                record(t.dailyStance().name(), null, json(dyad("CHN", "USA", 1))),
                record(t.dailyStance().name(), "RUS->USA@2026-11-25", json(dyad("RUS", "USA", 1))),
                eventRecord(t, "e1")));
        SinkStats stats = runUntilCaughtUp(config, 1);

        assertThat(stats.deadLettered()).isEqualTo(3);
        assertThat(keys(out, "stance/dyads.json")).containsExactly("RUS->USA");
        assertThat(keys(out, "stance/countries.json")).containsExactly("RUS");
        assertThat(keys(out, "stance/daily/2026-11-25.json")).containsExactly("RUS->USA");
        List<ConsumerRecord<byte[], byte[]>> dlq = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dlq.clear();
            dlq.addAll(TopicReader.readCommitted(config.kafka(), t.deadLetters().name()));
            return dlq.size() >= 3;
        });
        assertThat(dlq).hasSize(3).allSatisfy(r -> {
            assertThat(r.key()).isNull();
            assertThat(header(r, DeadLetterHeaders.MESSAGE)).isEqualTo("record has no key");
            assertThat(header(r, DeadLetterHeaders.COMPONENT)).isEqualTo("sink");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"CHN\"");
        });
        assertThat(dlq).extracting(r -> header(r, DeadLetterHeaders.TOPIC)).containsExactlyInAnyOrder(
                t.dyadStance().name(), t.countryStance().name(), t.dailyStance().name());
    }

    private static List<String> keys(Path out, String file) throws Exception {
        JsonNode node = Json.mapper().readTree(out.resolve(file).toFile());
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
