package org.parley.processor.stance;

import java.time.Duration;

/**
 * How stance aggregates are computed.
 *
 * @param halfLife     half-life of the decayed stance score, in event time
 * @param dailyGrace   how long after a day ends late events still count in its daily window. News reports
 *                     events days after they happen, so a week by default; older ones still count in the
 *                     all-time aggregates, only not in the closed daily series
 * @param lastEventIds how many recent event ids each dyad keeps
 */
public record StanceSettings(Duration halfLife, Duration dailyGrace, int lastEventIds) {
    public static StanceSettings defaults() {
        return new StanceSettings(Duration.ofDays(7), Duration.ofDays(7), 10);
    }
}
