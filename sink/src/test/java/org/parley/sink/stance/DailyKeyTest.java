package org.parley.sink.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DailyKeyTest {
    @Test
    void splitsDyadAndDay() {
        DailyKey k = DailyKey.parse("RUS->USA@2026-11-26");
        assertThat(k.dyad()).isEqualTo("RUS->USA");
        assertThat(k.day()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(k.fileName()).isEqualTo("2026-11-26.json");
    }

    @Test
    void theLastAtSeparatesTheDay() {
        assertThat(DailyKey.parse("A@B->USA@2026-01-02").dyad()).isEqualTo("A@B->USA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RUS->USA", "RUS->USA@", "@2026-11-26", "RUS->USA@../../etc/passwd",
            "RUS->USA@2026-11-26/../../x", "RUS->USA@2026-13-01", "RUS->USA@2026-02-30", "RUS->USA@+12026-01-01",
            "RUS->USA@2026-1-01", "RUS->USA@2026-11-26 "})
    void rejectsKeysWithoutAStrictIsoDate(String key) {
        assertThatThrownBy(() -> DailyKey.parse(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }

    @Test
    void rejectsAMissingKey() {
        assertThatThrownBy(() -> DailyKey.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no key");
    }
}
