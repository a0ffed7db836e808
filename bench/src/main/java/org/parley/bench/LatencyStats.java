package org.parley.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Percentiles of a set of latencies in milliseconds, by the nearest-rank method: the p-th percentile is the
 * smallest value with at least p % of the values at or below it, so it is always one of the measured values.
 *
 * @param count how many values
 * @param p50   median
 * @param p95   95th percentile
 * @param p99   99th percentile
 * @param max   largest value
 */
public record LatencyStats(int count, double p50, double p95, double p99, double max) {

    public static final LatencyStats EMPTY = new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static LatencyStats of(Collection<Double> millis) {
        if (millis.isEmpty()) {
            return EMPTY;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new LatencyStats(sorted.size(), percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    /** Nearest rank: the value at 1-based rank ceil(p/100 * n). {@code sorted} must be ascending and not empty. */
    public static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    /** {@code prefix_p50_ms=.. prefix_p95_ms=.. prefix_p99_ms=.. prefix_max_ms=.. prefix_n=..}. */
    public String keyValues(String prefix) {
        return String.format(Locale.ROOT, "%1$s_p50_ms=%2$.0f %1$s_p95_ms=%3$.0f %1$s_p99_ms=%4$.0f %1$s_max_ms=%5$.0f "
                + "%1$s_n=%6$d", prefix, p50, p95, p99, max, count);
    }
}
