package org.parley.processor.stance;

import java.util.Map;
import org.parley.common.DyadStance;

/**
 * One dyad's day in the {@value StanceTopology#DAILY_STANCE_STORE} store: the value the daily topic publishes and
 * the CAMEO codes already counted in it. A distinct event is (dyad, day, code), so the day's codes are what tells a
 * first mention from a repeat: the day and its distinct events share one store row and one changelog record.
 *
 * @param stance         the day's value, as published
 * @param mentionsByCode mentions of each distinct event of the day, by its CAMEO code (GDELT's NumMentions)
 */
public record DyadDay(DyadStance stance, Map<String, Long> mentionsByCode) {
    public DyadDay {
        mentionsByCode = Map.copyOf(mentionsByCode);
    }

    /** The day before any of its events: the day {@code e} happened on. */
    public static DyadDay empty(StanceEvent e) {
        return new DyadDay(DailyAggregator.empty(e), Map.of());
    }

    /** True if an event of this code was already counted on this day. */
    public boolean counted(String cameo) {
        return mentionsByCode.containsKey(cameo);
    }
}
