package org.parley.common;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Running aggregate of every distinct event from one source to one target.
 * Published on the dyad stance topic (compacted) keyed by {@link DyadKey}.
 *
 * @param source          source actor code
 * @param target          target actor code
 * @param events          number of distinct events
 * @param mentions        number of event mentions behind them
 * @param goldsteinSum    sum of the Goldstein scores of the distinct events
 * @param goldsteinMean   goldsteinSum / events
 * @param quadCounts      distinct events per quad class ("1".."4")
 * @param rootCounts      distinct events per CAMEO root ("01".."20")
 * @param cooperationShare share of events in quad classes 1 and 2
 * @param stance          exponentially decayed Goldstein score in event time (see docs/stance.md)
 * @param firstEventTime  earliest event time seen
 * @param lastEventTime   latest event time seen
 * @param lastEventIds    ids of the most recent events, newest last
 * @param updatedAt       when this aggregate last changed (processing time)
 */
public record DyadStance(
        String source,
        String target,
        long events,
        long mentions,
        double goldsteinSum,
        double goldsteinMean,
        Map<String, Long> quadCounts,
        Map<String, Long> rootCounts,
        double cooperationShare,
        double stance,
        Instant firstEventTime,
        Instant lastEventTime,
        List<String> lastEventIds,
        Instant updatedAt) {
}
