package org.parley.processor.coding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;

class CoderWarmUpTest {
    private static final EventCoder CODER = EventCoder.withDefaultDictionaries();

    @Test
    void codesTheBuiltInArticlesAndTheyHoldEventsForTheHotPaths() {
        CoderWarmUp.Result r = CoderWarmUp.run(CODER, 60_000, 3);
        assertThat(r.rounds()).isEqualTo(3);
        assertThat(r.sentences()).isGreaterThanOrEqualTo(3 * 30);
        // Meetings, accusations, sanctions, aid, force: most articles code several events, so the warm-up runs
        // the paths that build events, not only those that reject sentences.
        assertThat(r.events() / r.rounds()).isGreaterThanOrEqualTo(20);
        assertThat(r.firstRoundMs()).isPositive();
        assertThat(r.lastRoundMs()).isPositive();
    }

    @Test
    void stopsAtItsBudget() {
        assertThat(CoderWarmUp.run(CODER, 0, 40).rounds()).isZero();
        CoderWarmUp.Result r = CoderWarmUp.run(CODER, 200, 1_000_000);
        assertThat(r.rounds()).isPositive();
        // A round begun is finished: the budget is overrun by at most one round.
        assertThat(r.millis()).isLessThan(200 + 2_000);
    }
}
