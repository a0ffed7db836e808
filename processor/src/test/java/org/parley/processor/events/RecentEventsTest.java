package org.parley.processor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
