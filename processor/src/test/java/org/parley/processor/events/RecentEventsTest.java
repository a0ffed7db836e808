package org.parley.processor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
        byte[] entry = RecentEvents.entry(RecentEvents.prefix(1234, List.of("RUS", "USA")), EMPTY);
        assertThat(new String(entry, StandardCharsets.UTF_8)).isEqualTo("1234 RUS,USA []");
        assertThat(RecentEvents.sequenceOf(entry)).isEqualTo(1234);
        assertThat(RecentEvents.decode(entry)).isEmpty();
    }

    @Test
    void anEntryTellsWhichCountriesItInvolvesWithoutPrefixMatches() {
        byte[] entry = RecentEvents.entry(RecentEvents.prefix(7, List.of("RUS", "USA", "EU")), EMPTY);
        assertThat(RecentEvents.involves(entry, "RUS")).isTrue();
        assertThat(RecentEvents.involves(entry, "USA")).isTrue();
        assertThat(RecentEvents.involves(entry, "EU")).isTrue();
        assertThat(RecentEvents.involves(entry, "RU")).isFalse();
        assertThat(RecentEvents.involves(entry, "US")).isFalse();
        assertThat(RecentEvents.involves(entry, "EUR")).isFalse();
        assertThat(RecentEvents.involves(entry, "CHN")).isFalse();
    }

    @Test
    void aCodeTheListCannotHoldMakesTheEntryMatchEveryCountry() {
        byte[] entry = RecentEvents.entry(RecentEvents.prefix(7, List.of("RUS", "A B")), EMPTY);
        assertThat(RecentEvents.involves(entry, "CHN")).isTrue();
        assertThat(RecentEvents.sequenceOf(entry)).isEqualTo(7);
        assertThat(RecentEvents.decode(entry)).isEmpty();
    }

    @Test
    void theNextSequenceFollowsTheHighestEntryNotTheLastSlot() {
        // a ring of 3 slots after 5 entries: slot 0 holds 3, slot 1 holds 4, slot 2 holds 2
        List<KeyValue<String, byte[]>> ring = List.of(
                KeyValue.pair(RecentEvents.key(0), RecentEvents.entry(RecentEvents.prefix(3, List.of("RUS")), EMPTY)),
                KeyValue.pair(RecentEvents.key(1), RecentEvents.entry(RecentEvents.prefix(4, List.of("RUS")), EMPTY)),
                KeyValue.pair(RecentEvents.key(2), RecentEvents.entry(RecentEvents.prefix(2, List.of("RUS")), EMPTY)));
        assertThat(RecentEvents.nextSequence(ring.iterator())).isEqualTo(5);
        assertThat(RecentEvents.nextSequence(List.<KeyValue<String, byte[]>>of().iterator())).isZero();
    }
}
