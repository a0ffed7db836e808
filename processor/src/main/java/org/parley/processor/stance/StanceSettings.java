package org.parley.processor.stance;

import java.time.Duration;

/**
 * How stance aggregates are computed.
 *
 * <p>Daily values have no grace period: an event counts in its day however late it is reported (see
 * {@link DailyAggregator}).
 *
 * @param halfLife     half-life of the decayed stance score, in event time
 * @param lastEventIds how many event ids each dyad, and each dyad's day, keeps
 */
public record StanceSettings(Duration halfLife, int lastEventIds) {
    public static StanceSettings defaults() {
        return new StanceSettings(Duration.ofDays(7), 10);
    }
}
