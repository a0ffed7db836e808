package org.parley.sink.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void storesOffsetsPerTopicIdAndPartition() {
        Path file = dir.resolve("offsets.json");
        StateFile s = StateFile.load(file);
        s.put("p.events", "id-1", 0, 42);
        s.put("p.events", "id-1", 1, 7);
        s.save();

        StateFile again = StateFile.load(file);
        assertThat(again.next("p.events", "id-1", 0)).hasValue(42);
        assertThat(again.next("p.events", "id-1", 1)).hasValue(7);
        assertThat(again.next("p.events", "id-1", 2)).isEmpty();
        assertThat(again.next("p.events", "id-2", 0)).isEmpty();
        assertThat(again.recreated("p.events", "id-2")).isTrue();
        assertThat(again.recreated("p.events", "id-1")).isFalse();
    }

    @Test
    void anUnreadableFileMeansReadingFromTheBeginning() throws IOException {
        Path file = dir.resolve("offsets.json");
        Files.writeString(file, "{\"topics\": [");
        assertThat(StateFile.load(file).next("p.events", "id-1", 0)).isEmpty();
    }
}
