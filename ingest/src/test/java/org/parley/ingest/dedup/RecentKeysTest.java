package org.parley.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentKeysTest {
    @Test
    void forgetsTheLeastRecentlyUsedKeyBeyondItsBound() {
        RecentKeys keys = new RecentKeys(2, "test keys");
        assertThat(keys.add("a")).isTrue();
        assertThat(keys.add("b")).isTrue();
        // "a" again: not new, and now the most recently used, so "b" goes first.
        assertThat(keys.add("a")).isFalse();
        assertThat(keys.add("c")).isTrue();
        assertThat(keys.contains("a")).isTrue();
        assertThat(keys.contains("b")).isFalse();
        assertThat(keys.size()).isEqualTo(2);
        // A forgotten key is new again.
        assertThat(keys.add("b")).isTrue();
        assertThat(keys.contains("a")).isFalse();
    }

    @Test
    void aRemovedKeyIsNewAgain() {
        RecentKeys keys = new RecentKeys(10, "test keys");
        keys.add("a");
        keys.remove("a");
        assertThat(keys.add("a")).isTrue();
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> new RecentKeys(0, "test keys")).hasMessageContaining("positive");
    }
}
