package org.parley.processor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
    @Test
    void keysSortInSequenceOrderWithinTheCountryRangeAndGiveTheirSequenceBack() {
        List<Long> sequences = List.of(0L, 9L, 10L, 99L, 100L, 123_456_789L, Long.MAX_VALUE);
        List<String> keys = new ArrayList<>();
        for (long n : sequences) {
            String key = RecentEvents.key("RUS", n);
            assertThat(RecentEvents.sequence(key)).isEqualTo(n);
            assertThat(key).isGreaterThanOrEqualTo(RecentEvents.from("RUS"))
                    .isLessThanOrEqualTo(RecentEvents.to("RUS"));
            keys.add(key);
        }
        assertThat(keys).isSorted();
        // Another country's keys stay out of the range, even one whose code is a prefix.
        String other = RecentEvents.key("RU", 5);
        assertThat(other.compareTo(RecentEvents.from("RUS")) < 0 || other.compareTo(RecentEvents.to("RUS")) > 0)
                .isTrue();
    }

    @Test
    void anEntryCarriesItsSequenceAndItsEventsJson() {
        byte[] entry = RecentEvents.entry(1234, "[]".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(entry, StandardCharsets.US_ASCII)).isEqualTo("1234 []");
        assertThat(entry).hasSize(2 + RecentEvents.entryOverhead(1234));
        assertThat(RecentEvents.sequenceOf(entry)).isEqualTo(1234);
        assertThat(RecentEvents.decode(entry)).isEmpty();
    }

    @Test
    void theNextSequenceFollowsTheHighestEntryNotTheLastSlot() {
        // a ring of 3 slots after 5 entries: slot 0 holds 3, slot 1 holds 4, slot 2 holds 2
        List<KeyValue<String, byte[]>> ring = List.of(
                KeyValue.pair(RecentEvents.key("RUS", 0), RecentEvents.entry(3, "[]".getBytes(StandardCharsets.UTF_8))),
                KeyValue.pair(RecentEvents.key("RUS", 1), RecentEvents.entry(4, "[]".getBytes(StandardCharsets.UTF_8))),
                KeyValue.pair(RecentEvents.key("RUS", 2), RecentEvents.entry(2, "[]".getBytes(StandardCharsets.UTF_8))));
        assertThat(RecentEvents.nextSequence(ring.iterator())).isEqualTo(5);
        assertThat(RecentEvents.nextSequence(List.<KeyValue<String, byte[]>>of().iterator())).isZero();
    }
}
