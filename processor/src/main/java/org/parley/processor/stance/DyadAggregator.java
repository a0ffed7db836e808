package org.parley.processor.stance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.common.DyadStance;

/** Pure functions that fold events into a {@link DyadStance}. The topology only stores and forwards. */
public final class DyadAggregator {
    private final StanceSettings settings;

    public DyadAggregator(StanceSettings settings) {
        this.settings = settings;
    }

    /** The moment an event counts at: the start of its day, UTC. */
    public static Instant eventTime(StanceEvent e) {
        return e.date().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static DyadStance empty(String source, String target) {
        return new DyadStance(source, target, 0, 0, 0.0, 0.0, Map.of(), Map.of(), 0.0, 0.0, null, null, List.of(),
                null);
    }

    /** Another mention of an already counted distinct event: only the mention count moves. */
    public DyadStance mention(DyadStance current, Instant now) {
        return new DyadStance(current.source(), current.target(), current.events(), current.mentions() + 1,
                current.goldsteinSum(), current.goldsteinMean(), current.quadCounts(), current.rootCounts(),
                current.cooperationShare(), current.stance(), current.firstEventTime(), current.lastEventTime(),
                current.lastEventIds(), now);
    }

    /** The first mention of a distinct event: it counts in every figure. */
    public DyadStance add(DyadStance current, StanceEvent e, Instant now) {
        Instant t = eventTime(e);
        long events = current.events() + 1;
        double sum = current.goldsteinSum() + e.goldstein();
        Map<String, Long> quads = increment(current.quadCounts(), Integer.toString(e.quadClass()));
        Map<String, Long> roots = increment(current.rootCounts(), e.root());
        long cooperative = quads.getOrDefault("1", 0L) + quads.getOrDefault("2", 0L);
        DecayedScore stance = new DecayedScore(current.stance(), current.lastEventTime())
                .add(e.goldstein(), t, settings.halfLife());
        Instant first = current.firstEventTime() == null || t.isBefore(current.firstEventTime())
                ? t : current.firstEventTime();
        List<String> lastIds = new ArrayList<>(current.lastEventIds());
        lastIds.add(e.id());
        while (lastIds.size() > settings.lastEventIds()) {
            lastIds.remove(0);
        }
        return new DyadStance(current.source(), current.target(), events, current.mentions() + 1, sum,
                sum / events, quads, roots, (double) cooperative / events, stance.value(), first, stance.asOf(),
                List.copyOf(lastIds), now);
    }

    private static Map<String, Long> increment(Map<String, Long> counts, String key) {
        Map<String, Long> m = new TreeMap<>(counts);
        m.merge(key, 1L, Long::sum);
        return m;
    }
}
