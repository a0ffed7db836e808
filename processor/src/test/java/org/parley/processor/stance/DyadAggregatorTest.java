package org.parley.processor.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.common.Span;

class DyadAggregatorTest {
    private final DyadAggregator aggregator = new DyadAggregator(StanceSettings.defaults());

    static StanceEvent event(String id, String date, String cameo, double goldstein) {
        String root = cameo.substring(0, 2);
        return StanceEvent.of(new Event(id, "a1", 0, "s", new Span(0, 1), LocalDate.parse(date),
                new Actor("RUS", Actor.ActorType.STATE, "GOV", "Russia", "Russia"),
                new Actor("USA", Actor.ActorType.STATE, "GOV", "United States", "the United States"),
                cameo, root, Event.quadClassOfRoot(root), goldstein, "CONSULT", null, "test", Instant.EPOCH));
    }

    @Test
    void countsSharesAndMeansFollowTheEvents() {
        DyadStance d = DyadAggregator.empty("RUS", "USA");
        d = aggregator.add(d, event("e1", "2025-02-27", "046", 7.0), Instant.EPOCH);
        d = aggregator.add(d, event("e2", "2025-02-27", "163", -8.0), Instant.EPOCH);
        d = aggregator.mention(d, Instant.EPOCH);

        assertThat(d.events()).isEqualTo(2);
        assertThat(d.mentions()).isEqualTo(3);
        assertThat(d.goldsteinSum()).isCloseTo(-1.0, within(1e-9));
        assertThat(d.goldsteinMean()).isCloseTo(-0.5, within(1e-9));
        assertThat(d.quadCounts()).containsEntry("1", 1L).containsEntry("4", 1L);
        assertThat(d.rootCounts()).containsEntry("04", 1L).containsEntry("16", 1L);
        assertThat(d.cooperationShare()).isCloseTo(0.5, within(1e-9));
        assertThat(d.lastEventIds()).containsExactly("e1", "e2");
    }

    @Test
    void keepsOnlyTheLastNEventIdsAndTheTimeRange() {
        DyadAggregator small = new DyadAggregator(new StanceSettings(java.time.Duration.ofDays(7), 2));
        DyadStance d = DyadAggregator.empty("RUS", "USA");
        d = small.add(d, event("e1", "2025-02-20", "046", 1.0), Instant.EPOCH);
        d = small.add(d, event("e2", "2025-02-18", "046", 1.0), Instant.EPOCH);
        d = small.add(d, event("e3", "2025-02-27", "046", 1.0), Instant.EPOCH);
        assertThat(d.lastEventIds()).containsExactly("e2", "e3");
        assertThat(d.firstEventTime()).isEqualTo(Instant.parse("2025-02-18T00:00:00Z"));
        assertThat(d.lastEventTime()).isEqualTo(Instant.parse("2025-02-27T00:00:00Z"));
    }
}
