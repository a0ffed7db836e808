package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.Event;

class MemoryBenchmarkTest {

    @Test
    void eventsAreDistinctByDyadDayAndCode() {
        Set<String> keys = new HashSet<>();
        Set<String> dyads = new HashSet<>();
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            Event e = MemoryBenchmark.distinctEvent(i);
            assertThat(e.source().code()).isNotEqualTo(e.target().code());
            keys.add(e.dyadKey() + "|" + e.date() + "|" + e.cameo());
            dyads.add(e.dyadKey());
        }
        assertThat(keys).hasSize(n);
        assertThat(dyads).hasSize(50 * 49);
    }

    @Test
    void aMillionStayDistinctAcrossTheCodeBoundary() {
        // index 2450 * 365 is the first event of the second CAMEO code: same dyad and day as event 0
        Event first = MemoryBenchmark.distinctEvent(0);
        Event wrapped = MemoryBenchmark.distinctEvent(2450 * 365);
        assertThat(wrapped.dyadKey()).isEqualTo(first.dyadKey());
        assertThat(wrapped.date()).isEqualTo(first.date());
        assertThat(wrapped.cameo()).isNotEqualTo(first.cameo());
        Event last = MemoryBenchmark.distinctEvent(999_999);
        assertThat(last.cameo()).isNotEqualTo(first.cameo());
    }
}
