package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.DyadStance;

class WatchTest {
    private static DyadStance dyad(String src, String tgt, long events, double stance, String last) {
        return new DyadStance(src, tgt, events, events, stance, stance / events, Map.of("1", events),
                Map.of("04", events), 1.0, stance, Instant.parse(last), Instant.parse(last), List.of(), Instant.now());
    }

    private final List<DyadStance> dyads = List.of(
            dyad("RUS", "USA", 5, 18.9, "2025-02-28T00:00:00Z"),
            dyad("USA", "RUS", 3, -4.0, "2025-02-27T00:00:00Z"),
            dyad("FRA", "DEU", 7, 8.0, "2025-02-26T00:00:00Z"));

    private static List<String> rows(String table) {
        return table.lines().skip(2).filter(l -> !l.startsWith("G.SUM"))
                .map(l -> l.substring(0, 4) + l.substring(20, 24).trim()).toList();
    }

    @Test
    void countryFilterKeepsDyadsOnEitherSide() {
        String t = WatchCommand.render(dyads, "RUS", WatchCommand.order("events"), 10, "p.stance.dyad");
        assertThat(t.lines().findFirst().orElseThrow()).contains("country RUS", "2 dyad(s)");
        assertThat(rows(t)).containsExactly("RUS USA", "USA RUS");
        assertThat(t).contains("RUS Russia          USA United States        5        5   18.9   3.78  100%   18.90",
                "G.MEAN: per event");
    }

    @Test
    void sortOrdersAndRowLimitTrims() {
        assertThat(rows(WatchCommand.render(dyads, null, WatchCommand.order("stance"), 10, "x")))
                .containsExactly("USA RUS", "FRA DEU", "RUS USA");
        assertThat(rows(WatchCommand.render(dyads, null, WatchCommand.order("recent"), 10, "x")))
                .containsExactly("RUS USA", "USA RUS", "FRA DEU");
        String top = WatchCommand.render(dyads, null, WatchCommand.order("events"), 1, "x");
        assertThat(rows(top)).containsExactly("FRA DEU");
        assertThat(top.lines().findFirst().orElseThrow()).contains("3 dyad(s) (top 1)");
    }
}
