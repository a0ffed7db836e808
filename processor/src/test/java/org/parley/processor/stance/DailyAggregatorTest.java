package org.parley.processor.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.processor.stance.DyadAggregatorTest.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.common.DyadStance;

class DailyAggregatorTest {
    private final DailyAggregator aggregator = new DailyAggregator(3);

    private DyadStance fold(List<StanceEvent> events) {
        DyadStance day = DailyAggregator.empty(events.get(0));
        for (StanceEvent e : events) {
            day = aggregator.add(day, e, !e.id().startsWith("m"));
        }
        return day;
    }

    @Test
    void theSameEventsInEveryOrderGiveAnEqualValue() {
        // 0.1 + 0.2 + 0.3 differs from 0.3 + 0.2 + 0.1 in doubles; in millionths it does not.
        List<StanceEvent> events = new ArrayList<>(List.of(event("e1", "2025-02-10", "046", 0.1),
                event("e2", "2025-02-10", "040", 0.2), event("e3", "2025-02-10", "043", 0.3),
                event("e4", "2025-02-10", "111", -2.0), event("e5", "2025-02-10", "163", -8.1),
                event("m1", "2025-02-10", "046", 0.1)));
        DyadStance first = fold(events);
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(events, random);
            assertThat(fold(events)).isEqualTo(first);
        }
        assertThat(first.events()).isEqualTo(5);
        assertThat(first.mentions()).isEqualTo(6);
        assertThat(first.goldsteinSum()).isEqualTo(-9.5);
        assertThat(first.stance()).isEqualTo(first.goldsteinSum());
        assertThat(first.lastEventIds()).containsExactly("e1", "e2", "e3");
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2025-02-10T00:00:00Z"));
    }
}
