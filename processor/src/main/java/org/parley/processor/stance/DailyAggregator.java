package org.parley.processor.stance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parley.common.DyadStance;

/**
 * Pure functions that fold one dyad's events of one day into its daily {@link DyadStance}. A day's value depends
 * only on the set of its events, never on the order they come in or on the wall clock, so two runs over the
 * same input publish the same daily values (docs/stance.md, "Daily values"):
 * <ul>
 *   <li>Goldstein sums are kept in whole millionths, so adding in any order gives the same double;</li>
 *   <li>all of a day's events count at the start of the day, so there is no decay within it: {@code stance}
 *       is the sum, and {@code firstEventTime}, {@code lastEventTime} and {@code updatedAt} are the day;</li>
 *   <li>{@code lastEventIds} holds the smallest event ids of the day's mentions, in id order, since "the most
 *       recent" would depend on the order the articles were read in.</li>
 * </ul>
 */
public final class DailyAggregator {
    /** Goldstein scores have one decimal; millionths leave room for any other scale. */
    private static final double SCALE = 1_000_000.0;

    private final int maxIds;

    /** @param maxIds how many event ids a day keeps ({@link StanceSettings#lastEventIds()}) */
    public DailyAggregator(int maxIds) {
        this.maxIds = maxIds;
    }

    /** The first value of a dyad's day, before any event. */
    public static DyadStance empty(StanceEvent e) {
        Instant day = DyadAggregator.eventTime(e);
        return new DyadStance(e.source(), e.target(), 0, 0, 0.0, 0.0, Map.of(), Map.of(), 0.0, 0.0, day, day,
                List.of(), day);
    }

    /** A mention of an event of this day: counted as a distinct event if its code is new to the day. */
    public DyadDay add(DyadDay day, StanceEvent e) {
        Map<String, Long> codes = new TreeMap<>(day.mentionsByCode());
        codes.merge(e.cameo(), 1L, Long::sum);
        return new DyadDay(add(day.stance(), e, !day.counted(e.cameo())), codes);
    }

    /** A mention of an event of this day; {@code first} when it is the first mention of a distinct event. */
    public DyadStance add(DyadStance day, StanceEvent e, boolean first) {
        List<String> ids = withId(day.lastEventIds(), e.id());
        if (!first) {
            return new DyadStance(day.source(), day.target(), day.events(), day.mentions() + 1, day.goldsteinSum(),
                    day.goldsteinMean(), day.quadCounts(), day.rootCounts(), day.cooperationShare(), day.stance(),
                    day.firstEventTime(), day.lastEventTime(), ids, day.updatedAt());
        }
        long events = day.events() + 1;
        double sum = (Math.round(day.goldsteinSum() * SCALE) + Math.round(e.goldstein() * SCALE)) / SCALE;
        Map<String, Long> quads = increment(day.quadCounts(), Integer.toString(e.quadClass()));
        Map<String, Long> roots = increment(day.rootCounts(), e.root());
        long cooperative = quads.getOrDefault("1", 0L) + quads.getOrDefault("2", 0L);
        return new DyadStance(day.source(), day.target(), events, day.mentions() + 1, sum, sum / events, quads,
                roots, (double) cooperative / events, sum, day.firstEventTime(), day.lastEventTime(), ids,
                day.updatedAt());
    }

    private List<String> withId(List<String> ids, String id) {
        if (ids.contains(id)) {
            return ids;
        }
        TreeSet<String> sorted = new TreeSet<>(ids);
        sorted.add(id);
        while (sorted.size() > maxIds) {
            sorted.pollLast();
        }
        return List.copyOf(sorted);
    }

    private static Map<String, Long> increment(Map<String, Long> counts, String key) {
        Map<String, Long> m = new TreeMap<>(counts);
        m.merge(key, 1L, Long::sum);
        return m;
    }
}
