package org.parley.processor.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecayedScoreTest {
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant T0 = Instant.parse("2025-02-01T00:00:00Z");

    @Test
    void aScoreOneHalfLifeOldCountsHalf() {
        DecayedScore s = DecayedScore.ZERO.add(4.0, T0, WEEK).add(0.0, T0.plus(WEEK), WEEK);
        assertThat(s.value()).isCloseTo(2.0, within(1e-9));
        assertThat(s.asOf()).isEqualTo(T0.plus(WEEK));
    }

    @Test
    void orderOfArrivalDoesNotChangeTheResult() {
        Instant t1 = T0.plus(Duration.ofDays(3));
        Instant t2 = T0.plus(Duration.ofDays(10));
        DecayedScore inOrder = DecayedScore.ZERO.add(3.0, T0, WEEK).add(-2.0, t1, WEEK).add(7.0, t2, WEEK);
        DecayedScore late = DecayedScore.ZERO.add(7.0, t2, WEEK).add(3.0, T0, WEEK).add(-2.0, t1, WEEK);
        assertThat(late.value()).isCloseTo(inOrder.value(), within(1e-9));
        assertThat(late.asOf()).isEqualTo(inOrder.asOf());
    }

    @Test
    void valueAtDecaysForwardButNeverBackward() {
        DecayedScore s = DecayedScore.ZERO.add(8.0, T0, WEEK);
        assertThat(s.valueAt(T0.plus(Duration.ofDays(14)), WEEK)).isCloseTo(2.0, within(1e-9));
        assertThat(s.valueAt(T0.minus(Duration.ofDays(1)), WEEK)).isEqualTo(8.0);
    }
}
