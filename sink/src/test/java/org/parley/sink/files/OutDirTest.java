package org.parley.sink.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutDirTest {
    @TempDir
    Path root;

    @Test
    void resolvesPlainNamesStrictlyInsideTheRoot() {
        OutDir out = new OutDir(root);
        assertThat(out.resolve("stance", "daily", "2026-11-26.json"))
                .isEqualTo(root.toAbsolutePath().resolve("stance/daily/2026-11-26.json"));
        assertThat(out.resolve(".sink", "offsets.json")).isEqualTo(root.toAbsolutePath().resolve(".sink/offsets.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../escape.json", "a/b.json", "/etc/passwd", "", "..\\x", "x\u0000.json",
            "-rf"})
    void rejectsAnythingThatCouldLeaveTheRoot(String segment) {
        OutDir out = new OutDir(root);
        assertThatThrownBy(() -> out.resolve("stance", segment)).isInstanceOf(IllegalArgumentException.class);
    }
}
