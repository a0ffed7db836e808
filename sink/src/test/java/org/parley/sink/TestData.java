package org.parley.sink;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.parley.common.Actor;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.common.Span;

/** Small valid values of the contract records for tests. */
public final class TestData {
    private TestData() {
    }

    public static Event event(String id) {
        return new Event(id, "article-" + id, 0, "Russia met the United States.", new Span(0, 29),
                LocalDate.of(2026, 11, 26),
                new Actor("RUS", Actor.ActorType.STATE, "GOV", "Russia", "Russia"),
                new Actor("USA", Actor.ActorType.STATE, "GOV", "United States", "the United States"),
                "040", "04", 1, 1.0, "CONSULT", null, "consult.meet", Instant.parse("2026-11-26T10:00:00Z"));
    }

    public static DyadStance dyad(String source, String target, long events) {
        return new DyadStance(source, target, events, events, events * 1.0, 1.0, Map.of("1", events),
                Map.of("04", events), 1.0, 0.5, Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2026-11-26T00:00:00Z"), List.of("e" + events), Instant.parse("2026-11-26T10:00:00Z"));
    }

    public static CountryStance country(String code, long events) {
        CountryStance.Totals t = new CountryStance.Totals(events, events * 1.0, 0.5);
        return new CountryStance(code, t, CountryStance.Totals.EMPTY, Map.of("USA", 0.5),
                Instant.parse("2026-11-26T10:00:00Z"));
    }
}
