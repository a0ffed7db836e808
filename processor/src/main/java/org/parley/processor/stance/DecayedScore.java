package org.parley.processor.stance;

import java.time.Duration;
import java.time.Instant;

/**
 * An exponentially decayed sum of Goldstein scores in event time: each score counts in full at its own time
 * and half as much one half-life later. The value is held as of {@link #asOf}, the latest event time seen,
 * so that adding events in any order gives the same result (up to floating point).
 *
 * @param value sum of score * 2^(-(asOf - t) / halfLife) over all scores added
 * @param asOf  the event time the value refers to, or null when nothing was added
 */
public record DecayedScore(double value, Instant asOf) {
    public static final DecayedScore ZERO = new DecayedScore(0.0, null);

    public DecayedScore add(double score, Instant at, Duration halfLife) {
        if (asOf == null) {
            return new DecayedScore(score, at);
        }
        if (at.isAfter(asOf)) {
            return new DecayedScore(value * factor(Duration.between(asOf, at), halfLife) + score, at);
        }
        return new DecayedScore(value + score * factor(Duration.between(at, asOf), halfLife), asOf);
    }

    /**
     * The sum of two decayed sums: a decayed sum counts like one score of its value at its own time, so sums over
     * parts (a country's dyads) add up to the sum over the whole.
     */
    public DecayedScore plus(DecayedScore other, Duration halfLife) {
        return other.asOf == null ? this : add(other.value, other.asOf, halfLife);
    }

    /** The value decayed forward to a later time, e.g. "now" when reading a dashboard. */
    public double valueAt(Instant when, Duration halfLife) {
        if (asOf == null || !when.isAfter(asOf)) {
            return value;
        }
        return value * factor(Duration.between(asOf, when), halfLife);
    }

    private static double factor(Duration age, Duration halfLife) {
        return Math.pow(0.5, (double) age.toMillis() / halfLife.toMillis());
    }
}
