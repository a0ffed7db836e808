package org.parley.sink.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReplacesWithoutLeavingTheTemporaryFile() throws IOException {
        Path target = dir.resolve("dyads.json");
        AtomicFiles.write(target, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "{\"b\":2}".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("{\"b\":2}");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("dyads.json");
        }
    }

    @Test
    void aFailedWriteNamesTheFileAndKeepsTheOldContent() throws IOException {
        Path target = dir.resolve("countries.json");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
        // A directory where the temporary file should go makes the write fail even for root.
        Files.createDirectory(AtomicFiles.tempFor(target));
        Files.writeString(AtomicFiles.tempFor(target).resolve("x"), "blocks deletion");

        assertThatThrownBy(() -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedOutputException.class)
                .hasMessageContaining(target.toString());
        assertThat(target).hasContent("old");
    }

    @Test
    void deletesLeftoverTemporaryFilesOnly() throws IOException {
        Files.writeString(dir.resolve(".dyads.json.tmp"), "half");
        Files.writeString(dir.resolve("dyads.json"), "{}");

        AtomicFiles.deleteTemps(dir);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("dyads.json");
        }
    }
}
