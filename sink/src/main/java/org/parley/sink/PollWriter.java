package org.parley.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.parley.common.Event;
import org.parley.contracts.Topics;
import org.parley.sink.deadletter.DeadLetterPublisher;
import org.parley.sink.events.EventFields;
import org.parley.sink.gdelt.GdeltExport;
import org.parley.sink.stance.DailyKey;
import org.parley.sink.stance.StanceStore;

/**
 * Writes one poll's records to the files: events appended and fsynced (and exported to GDELT rows when that is
 * on), changed stance snapshots replaced, dead letters acknowledged by the broker. Each topic has its writer in a
 * {@link TopicWriters} registry. When {@link #write} returns, everything before the poll's positions is on disk,
 * so the poll loop may store and commit them.
 */
final class PollWriter {
    private final SinkFiles files;
    private final DeadLetterPublisher deadLetters;
    private final TopicWriters writers;
    private final List<Event> batch = new ArrayList<>();

    private volatile long eventsWritten;
    private volatile long duplicatesSkipped;
    private volatile long deadLettered;
    private volatile long aggregatesWritten;

    PollWriter(Topics topics, SinkFiles files, DeadLetterPublisher deadLetters) {
        this.files = files;
        this.deadLetters = deadLetters;
        StanceStore stance = files.stance();
        this.writers = new TopicWriters(this::deadLetter)
                .values(topics.events(), this::event)
                .keyed(topics.dyadStance(), Function.identity(), counted(stance::putDyad))
                .keyed(topics.countryStance(), Function.identity(), counted(stance::putCountry))
                .keyed(topics.dailyStance(), DailyKey::parse, counted(stance::putDaily));
    }

    /** The writer, counting each aggregate (or tombstone) it applies. */
    private <K, V> TopicWriters.KeyedWriter<K, V> counted(TopicWriters.KeyedWriter<K, V> writer) {
        return (key, value) -> {
            writer.write(key, value);
            aggregatesWritten++;
        };
    }

    /** The topics this writer reads. */
    List<String> topics() {
        return writers.topics();
    }

    void write(ConsumerRecords<byte[], byte[]> records) {
        batch.clear();
        for (ConsumerRecord<byte[], byte[]> rec : records) {
            writers.write(rec);
        }
        List<Event> written = files.events().append(batch);
        // The same events, right after: a crash in between is repaired from events.jsonl when the export opens.
        GdeltExport gdelt = files.gdelt();
        if (gdelt != null) {
            gdelt.append(written);
        }
        eventsWritten += written.size();
        duplicatesSkipped += batch.size() - written.size();
        batch.clear();
        files.stance().flush();
        // The dead letters must be on the broker before their offsets are committed.
        deadLetters.flush();
    }

    private void event(ConsumerRecord<byte[], byte[]> rec, Event e) {
        String missing = EventFields.missing(e);
        if (missing != null) {
            deadLetter(rec, "event has no " + missing, null);
        } else {
            batch.add(e);
        }
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> rec, String reason, Exception cause) {
        deadLetters.send(rec, reason, cause);
        deadLettered++;
    }

    long eventsWritten() {
        return eventsWritten;
    }

    long duplicatesSkipped() {
        return duplicatesSkipped;
    }

    long deadLettered() {
        return deadLettered;
    }

    /** Stance updates (dyad, country and daily records, tombstones included) applied to the snapshots. */
    long aggregatesWritten() {
        return aggregatesWritten;
    }
}
