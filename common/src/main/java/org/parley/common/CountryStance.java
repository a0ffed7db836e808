package org.parley.common;

import java.time.Instant;
import java.util.Map;

/**
 * One country's row of the stance matrix. Published on the country stance topic (compacted) keyed by code.
 *
 * @param code          the actor code
 * @param asSource      totals over dyads where it is the source
 * @param asTarget      totals over dyads where it is the target
 * @param net           net stance towards each counterpart: its stance towards them (see docs/stance.md)
 * @param updatedAt     when this row last changed
 */
public record CountryStance(String code, Totals asSource, Totals asTarget, Map<String, Double> net,
                            Instant updatedAt) {

    /** Sums over a set of dyads. */
    public record Totals(long events, double goldsteinSum, double stance) {
        public static final Totals EMPTY = new Totals(0, 0.0, 0.0);
    }
}
