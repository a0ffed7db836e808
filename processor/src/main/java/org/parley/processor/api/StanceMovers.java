package org.parley.processor.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.parley.processor.stance.DyadDay;

/**
 * "Top movers" ({@code GET /api/stance/movers}): the dyads whose daily stance changed most between the last window
 * (a day or a week, ending on the latest day with events, or on {@code date}) and the window just before it. A
 * window's value is the sum of the dyad's daily values in it (a day's value is its Goldstein sum, see
 * docs/stance.md, "Daily values"), so the change is in the same units as the matrix. Read-only over the daily store.
 */
final class StanceMovers {
    /** One dyad's day, as read from the store: what one instance sends another. */
    record Day(String source, String target, LocalDate date, long events, double stance) {
    }

    /** A dyad's events and summed daily stance within one window. */
    record Side(long events, double stance) {
        Side plus(Day d) {
            return new Side(events + d.events(), stance + d.stance());
        }
    }

    /** A dyad's windows: {@code change} = current − previous. */
    record Mover(String source, String target, double change, Side current, Side previous) {
    }

    /**
     * The answer: the two windows (null when there are no daily values at all) and the movers, largest change
     * (either way) first.
     */
    record Answer(String window, int days, LocalDate from, LocalDate to, LocalDate previousFrom,
                  LocalDate previousTo, List<Mover> movers) {
    }

    private StanceMovers() {
    }

    /** Days in a window: {@code day} 1, {@code week} 7; a 400 for anything else. */
    static int days(String window) {
        return switch (window) {
            case "day" -> 1;
            case "week" -> 7;
            default -> throw new IllegalArgumentException("window must be day or week");
        };
    }

    /**
     * This store's days that can fall into the two windows: those within {@code 2 * days} of {@code asOf}, or
     * without {@code asOf} of this store's latest day. The latest day of all is at least as late, so nothing a
     * merge of every store's rows needs is left out.
     */
    static List<Day> recent(ReadOnlyKeyValueStore<String, DyadDay> store, LocalDate asOf, int days) {
        List<Day> rows = new ArrayList<>();
        LocalDate latest = null;
        try (KeyValueIterator<String, DyadDay> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, DyadDay> kv = it.next();
                LocalDate date = LocalDate.parse(kv.key.substring(kv.key.lastIndexOf('@') + 1));
                if (asOf != null && date.isAfter(asOf)) {
                    continue;
                }
                rows.add(new Day(kv.value.stance().source(), kv.value.stance().target(), date,
                        kv.value.stance().events(), kv.value.stance().stance()));
                latest = latest == null || date.isAfter(latest) ? date : latest;
            }
        }
        LocalDate end = asOf != null ? asOf : latest;
        if (end == null) {
            return rows;
        }
        LocalDate start = end.minusDays(2L * days - 1);
        rows.removeIf(d -> d.date().isBefore(start));
        return rows;
    }

    /** Ranks the dyads of {@code rows} (every instance's) by the change between the two windows. */
    static Answer rank(List<Day> rows, String window, LocalDate asOf, int limit) {
        int days = days(window);
        LocalDate to = asOf != null ? asOf : rows.stream().map(Day::date).max(Comparator.naturalOrder()).orElse(null);
        if (to == null) {
            return new Answer(window, days, null, null, null, null, List.of());
        }
        LocalDate from = to.minusDays(days - 1L);
        LocalDate previousFrom = from.minusDays(days);
        Map<String, Side[]> byDyad = new LinkedHashMap<>();
        for (Day d : rows) {
            if (d.date().isBefore(previousFrom) || d.date().isAfter(to)) {
                continue;
            }
            Side[] sides = byDyad.computeIfAbsent(d.source() + "->" + d.target(),
                    k -> new Side[] {new Side(0, 0), new Side(0, 0)});
            int which = d.date().isBefore(from) ? 1 : 0;
            sides[which] = sides[which].plus(d);
        }
        List<Mover> movers = new ArrayList<>();
        byDyad.forEach((key, s) -> {
            String[] st = key.split("->", 2);
            movers.add(new Mover(st[0], st[1], round(s[0].stance() - s[1].stance()), round(s[0]), round(s[1])));
        });
        movers.sort(Comparator.comparingDouble((Mover m) -> -Math.abs(m.change()))
                .thenComparing(m -> m.source() + "->" + m.target()));
        return new Answer(window, days, from, to, previousFrom, from.minusDays(1),
                movers.size() > limit ? movers.subList(0, limit) : movers);
    }

    /** Sums of daily values are exact in millionths (docs/stance.md); so is what is shown. */
    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    private static Side round(Side s) {
        return new Side(s.events(), round(s.stance()));
    }
}
