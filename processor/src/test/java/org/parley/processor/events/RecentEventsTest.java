package org.parley.processor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
    private static final byte[] EMPTY = "[]".getBytes(StandardCharsets.UTF_8);

    @Test
    void keysSortInSlotOrderAndGiveTheirSlotBack() {
        List<Long> slots = List.of(0L, 9L, 10L, 99L, 100L, 1_999L, 123_456_789L);
        List<String> keys = new ArrayList<>();
        for (long n : slots) {
            String key = RecentEvents.key(n);
            assertThat(RecentEvents.slot(key)).isEqualTo(n);
            keys.add(key);
        }
        assertThat(keys).isSorted();
    }

    @Test
    void anEntryCarriesItsSequenceItsCountriesAndItsEventsJson() {
        Instant ingested = Instant.parse("2025-03-01T10:15:30.123Z");
        byte[] entry = RecentEvents.entry(RecentEvents.prefix(1234, ingested, List.of("RUS", "USA")), EMPTY);
        assertThat(new String(entry, StandardCharsets.UTF_8)).isEqualTo("1234 2025-03-01T10:15:30.123Z RUS,USA []");
        assertThat(RecentEvents.ingestedOf(entry)).isEqualTo(ingested);
        assertThat(RecentEvents.sequenceOf(entry)).isEqualTo(1234);
        assertThat(RecentEvents.decode(entry)).isEmpty();
    }

    @Test
    void anEntryTellsWhichCountriesItInvolvesWithoutPrefixMatches() {
        byte[] entry = RecentEvents.entry(RecentEvents.prefix(7, null, List.of("RUS", "USA", "EU")), EMPTY);
        assertThat(RecentEvents.involves(entry, "RUS")).isTrue();
        assertThat(RecentEvents.involves(entry, "USA")).isTrue();
        assertThat(RecentEvents.involves(entry, "EU")).isTrue();
        assertThat(RecentEvents.involves(entry, "RU")).isFalse();
        assertThat(RecentEvents.involves(entry, "US")).isFalse();
        assertThat(RecentEvents.involves(entry, "EUR")).isFalse();
        assertThat(RecentEvents.involves(entry, "CHN")).isFalse();
        assertThat(RecentEvents.ingestedOf(entry)).as("no ingest time").isNull();
    }

    @Test
    void aCodeTheListCannotHoldMakesTheEntryMatchEveryCountry() {
        byte[] entry = RecentEvents.entry(RecentEvents.prefix(7, null, List.of("RUS", "A B")), EMPTY);
        assertThat(RecentEvents.involves(entry, "CHN")).isTrue();
        assertThat(RecentEvents.sequenceOf(entry)).isEqualTo(7);
        assertThat(RecentEvents.decode(entry)).isEmpty();
    }

    @Test
    void theNextSequenceFollowsTheHighestEntryNotTheLastSlot() {
        // a ring of 3 slots after 5 entries: slot 0 holds 3, slot 1 holds 4, slot 2 holds 2
        List<KeyValue<String, byte[]>> ring = List.of(
                KeyValue.pair(RecentEvents.key(0), rus(3)),
                KeyValue.pair(RecentEvents.key(1), rus(4)),
                KeyValue.pair(RecentEvents.key(2), rus(2)));
        assertThat(RecentEvents.nextSequence(ring.iterator())).isEqualTo(5);
        assertThat(RecentEvents.nextSequence(List.<KeyValue<String, byte[]>>of().iterator())).isZero();
    }

    private static byte[] rus(long sequence) {
        return RecentEvents.entry(RecentEvents.prefix(sequence, Instant.EPOCH, List.of("RUS")), EMPTY);
    }
}
