package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankOnOneToHundred() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add((double) i);
        }
        LatencyStats s = LatencyStats.of(values);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50()).isEqualTo(50.0);
        assertThat(s.p95()).isEqualTo(95.0);
        assertThat(s.p99()).isEqualTo(99.0);
        assertThat(s.max()).isEqualTo(100.0);
    }

    @Test
    void smallSamplesGiveMeasuredValuesNeverInterpolations() {
        // 10 values: rank ceil(0.99 * 10) = 10, so p99 is the largest; p50 is rank 5.
        List<Double> values = List.of(7.0, 1.0, 3.0, 9.0, 5.0, 2.0, 8.0, 4.0, 6.0, 10.0);
        LatencyStats s = LatencyStats.of(values);
        assertThat(s.p50()).isEqualTo(5.0);
        assertThat(s.p95()).isEqualTo(10.0);
        assertThat(s.p99()).isEqualTo(10.0);
        assertThat(LatencyStats.of(List.of(42.0)).p50()).isEqualTo(42.0);
    }

    @Test
    void oneOutlierInAThousandShowsInMaxNotInP99() {
        List<Double> values = new ArrayList<>(Collections.nCopies(999, 100.0));
        values.add(5000.0);
        LatencyStats s = LatencyStats.of(values);
        assertThat(s.p99()).isEqualTo(100.0);
        assertThat(s.max()).isEqualTo(5000.0);
    }

    @Test
    void emptyAndBadArguments() {
        assertThat(LatencyStats.of(List.of()).count()).isZero();
        assertThat(LatencyStats.of(List.of()).p99()).isNaN();
        assertThatThrownBy(() -> LatencyStats.percentile(List.of(1.0), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.percentile(List.of(), 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyValuesNameEveryFigure() {
        assertThat(LatencyStats.of(List.of(1.0, 2.0)).keyValues("lat"))
                .isEqualTo("lat_p50_ms=1 lat_p95_ms=2 lat_p99_ms=2 lat_max_ms=2 lat_n=2");
    }
}
