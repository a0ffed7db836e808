package org.parley.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void aRejectedRecordKeepsItsKeyAndValueAndSaysWhereItWas() {
        ConsumerRecord<byte[], byte[]> rec = new ConsumerRecord<>("p.events", 2, 41L, 0L, TimestampType.CREATE_TIME,
                -1, -1, bytes("e-1"), bytes("[1, 2]"), new RecordHeaders(), Optional.empty());
        ProducerRecord<byte[], byte[]> written = DeadLetter.ofRecord("sink", rec, "event has no id",
                new IllegalArgumentException("x"), AT).toRecord("p.dlq");
        assertThat(written.key()).isEqualTo(bytes("e-1"));
        assertThat(written.value()).isEqualTo(bytes("[1, 2]"));
        assertThat(written.timestamp()).isEqualTo(AT.toEpochMilli());
        DeadLetter back = DeadLetter.read(consumed(written));
        assertThat(back.component()).isEqualTo("sink");
        assertThat(back.origin()).isEqualTo("p.events-2@41");
        assertThat(back.source()).isEqualTo(new DeadLetter.Source("p.events", 2, 41));
        assertThat(back.reason()).isEqualTo("event has no id");
        assertThat(back.exception()).isEqualTo(IllegalArgumentException.class.getName());
    }

    @Test
    void inputThatNeverWasARecordHasItsOriginAsKeyAndNoSource() {
        DeadLetter back = DeadLetter.read(consumed(DeadLetter.ofInput("ingest", "inbox/a.txt:3", "empty", "raw", AT)
                .toRecord("p.dlq")));
        assertThat(back.key()).isEqualTo(bytes("inbox/a.txt:3"));
        assertThat(back.valueText()).isEqualTo("raw");
        assertThat(back.source()).isNull();
        assertThat(back.exception()).isNull();
        assertThat(back.at()).isEqualTo(AT);
    }

    @Test
    void aLetterTooLargeToWriteLosesOnlyItsValueAndSaysWhereItIs() {
        ConsumerRecord<byte[], byte[]> rec = new ConsumerRecord<>("p.events", 0, 7L, bytes("k"), new byte[5000]);
        DeadLetter small = DeadLetter.ofRecord("sink", rec, "bad", null, AT).withoutValue();
        assertThat(small.value()).isNull();
        assertThat(small.key()).isEqualTo(bytes("k"));
        assertThat(small.reason()).isEqualTo("bad (the original value, 5000 bytes, is left out: read it at p.events-0@7)");
    }

    private static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> r) {
        return new ConsumerRecord<>(r.topic(), 0, 0L, r.timestamp() == null ? 0L : r.timestamp(),
                TimestampType.CREATE_TIME, -1, -1, r.key(), r.value(), r.headers(), Optional.empty());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
