package org.parley.sink.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentIdsTest {
    @Test
    void remembersTheLatestIdsAndForgetsTheOldestFirst() {
        RecentIds ids = new RecentIds(3);
        assertThat(ids.add("a")).isFalse();
        ids.add("b");
        ids.add("c");
        assertThat(ids.add("a")).as("already there: nothing forgotten").isFalse();
        assertThat(ids.add("d")).as("the first id forgotten is reported").isTrue();
        assertThat(ids.add("e")).as("only the first").isFalse();
        assertThat(ids.contains("a")).isFalse();
        assertThat(ids.contains("b")).isFalse();
        assertThat(ids.contains("c")).isTrue();
        assertThat(ids.contains("e")).isTrue();
        assertThat(ids.size()).isEqualTo(3);
    }

    @Test
    void holdsEventIdsExactlyAndOtherIdsByTheirHash() {
        assertThat(RecentIds.key("00000000000000ff")).isEqualTo(255L);
        assertThat(RecentIds.key("ffffffffffffffff")).isEqualTo(-1L);
        assertThat(RecentIds.key("FFFFFFFFFFFFFFFF")).as("not an event id: hashed").isNotEqualTo(-1L);
        assertThat(RecentIds.key("a")).isNotEqualTo(RecentIds.key("b"));
        RecentIds ids = new RecentIds(2);
        ids.add("0000000000000000");
        assertThat(ids.contains("0000000000000000")).as("the id held as 0").isTrue();
        ids.add("x");
        ids.add("y");
        assertThat(ids.contains("0000000000000000")).isFalse();
    }

    /** Against a plain set and queue, over many adds with evictions and table growth. */
    @Test
    void agreesWithASetOfTheLastNOverManyIds() {
        int capacity = 5_000;
        RecentIds ids = new RecentIds(capacity);
        Deque<String> order = new ArrayDeque<>();
        Set<String> expected = new HashSet<>();
        Random random = new Random(14);
        for (int i = 0; i < 60_000; i++) {
            // A small id space, so that many adds are repeats of ids still remembered or already forgotten.
            String id = String.format("%016x", random.nextInt(20_000) * 0x9E3779B97F4AL);
            ids.add(id);
            if (expected.add(id)) {
                order.add(id);
                if (order.size() > capacity) {
                    expected.remove(order.poll());
                }
            }
            if (i % 997 == 0) {
                for (int probe = 0; probe < 20_000; probe += 7) {
                    String p = String.format("%016x", probe * 0x9E3779B97F4AL);
                    assertThat(ids.contains(p)).as("id %s after %d adds", p, i).isEqualTo(expected.contains(p));
                }
            }
        }
        assertThat(ids.size()).isEqualTo(capacity);
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> new RecentIds(0)).hasMessageContaining("positive");
    }
}
