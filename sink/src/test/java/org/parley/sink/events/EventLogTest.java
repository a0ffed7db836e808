package org.parley.sink.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.sink.TestData.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.Event;
import org.parley.common.Json;

class EventLogTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private EventLog open(Rotation rotation, long maxBytes, boolean gzip) {
        return EventLog.open(dir, rotation, maxBytes, gzip, CLOCK);
    }

    @Test
    void writesEachIdOnceWithinABatchAndAcrossReopens() throws IOException {
        try (EventLog log = open(Rotation.NONE, 1, false)) {
            assertThat(log.append(List.of(event("a"), event("b"), event("a")))).extracting(Event::id)
                    .containsExactly("a", "b");
            assertThat(log.append(List.of(event("b"), event("c")))).extracting(Event::id).containsExactly("c");
        }
        try (EventLog log = open(Rotation.NONE, 1, false)) {
            assertThat(log.contains("a")).isTrue();
            assertThat(log.append(List.of(event("a"), event("c"), event("d")))).extracting(Event::id)
                    .containsExactly("d");
        }
        assertThat(ids(dir.resolve(EventLog.CURRENT))).containsExactly("a", "b", "c", "d");
    }

    @Test
    void knowsWhetherItStartedWithoutAnyEventFile() {
        try (EventLog log = open(Rotation.NONE, 1, false)) {
            assertThat(log.fresh()).isTrue();
        }
        try (EventLog log = open(Rotation.NONE, 1, false)) {
            assertThat(log.fresh()).isFalse();
        }
    }

    @Test
    void eachLineIsOneEventThatReadsBackEqual() throws IOException {
        try (EventLog log = open(Rotation.NONE, 1, false)) {
            log.append(List.of(event("a")));
        }
        List<String> lines = Files.readAllLines(dir.resolve(EventLog.CURRENT));
        assertThat(lines).hasSize(1);
        assertThat(Json.mapper().readValue(lines.get(0), Event.class)).isEqualTo(event("a"));
    }

    @Test
    void truncatesALineACrashCutShortAndWritesThatEventAgain() throws IOException {
        try (EventLog log = open(Rotation.NONE, 1, false)) {
            log.append(List.of(event("a"), event("b")));
        }
        Path current = dir.resolve(EventLog.CURRENT);
        byte[] torn = Json.mapper().writeValueAsBytes(event("c"));
        Files.write(current, java.util.Arrays.copyOf(torn, torn.length / 2), StandardOpenOption.APPEND);

        try (EventLog log = open(Rotation.NONE, 1, false)) {
            assertThat(log.contains("c")).isFalse();
            assertThat(log.append(List.of(event("b"), event("c")))).extracting(Event::id).containsExactly("c");
        }
        assertThat(ids(current)).containsExactly("a", "b", "c");
    }

    @Test
    void truncatesACompleteButUnreadableLastLine() throws IOException {
        try (EventLog log = open(Rotation.NONE, 1, false)) {
            log.append(List.of(event("a")));
        }
        Path current = dir.resolve(EventLog.CURRENT);
        Files.write(current, new byte[] {0, 0, 0, '\n'}, StandardOpenOption.APPEND);

        try (EventLog log = open(Rotation.NONE, 1, false)) {
            log.append(List.of(event("b")));
        }
        assertThat(ids(current)).containsExactly("a", "b");
    }

    @Test
    void keepsAnUnreadableLineInTheMiddle() throws IOException {
        Path current = dir.resolve(EventLog.CURRENT);
        Files.writeString(current, Json.mapper().writeValueAsString(event("a")) + "\nnot json\n"
                + Json.mapper().writeValueAsString(event("b")) + "\n");

        try (EventLog log = open(Rotation.NONE, 1, false)) {
            assertThat(log.contains("a")).isTrue();
            assertThat(log.contains("b")).isTrue();
        }
        assertThat(Files.readAllLines(current)).hasSize(3);
    }

    @Test
    void rotatesBySizeIntoNumberedFilesAndRemembersTheirIds() throws IOException {
        try (EventLog log = open(Rotation.SIZE, 10, false)) {
            log.append(List.of(event("a")));
            log.append(List.of(event("b")));
            log.append(List.of(event("c")));
        }
        String day = today();
        assertThat(ids(dir.resolve("events-" + day + ".jsonl"))).containsExactly("a");
        assertThat(ids(dir.resolve("events-" + day + "-1.jsonl"))).containsExactly("b");
        assertThat(ids(dir.resolve(EventLog.CURRENT))).containsExactly("c");

        try (EventLog log = open(Rotation.SIZE, 10, false)) {
            assertThat(log.files()).isEqualTo(3);
            assertThat(log.append(List.of(event("a"), event("b"), event("d")))).extracting(Event::id)
                    .containsExactly("d");
        }
    }

    @Test
    void rotatesDailyWhenTheFileWasLastWrittenOnAnEarlierDay() throws IOException {
        Clock wall = Clock.systemUTC();
        try (EventLog log = EventLog.open(dir, Rotation.DAILY, 1, false, wall)) {
            log.append(List.of(event("a")));
            log.append(List.of(event("b")));
        }
        Path current = dir.resolve(EventLog.CURRENT);
        assertThat(ids(current)).containsExactly("a", "b");
        Instant dayBefore = wall.instant().minusSeconds(86_400);
        Files.setLastModifiedTime(current, FileTime.from(dayBefore));

        try (EventLog log = EventLog.open(dir, Rotation.DAILY, 1, false, wall)) {
            log.append(List.of(event("c")));
        }
        assertThat(ids(dir.resolve("events-" + LocalDate.ofInstant(dayBefore, ZoneOffset.UTC) + ".jsonl")))
                .containsExactly("a", "b");
        assertThat(ids(current)).containsExactly("c");
    }

    @Test
    void gzipsRotatedFilesAndReadsTheirIdsBack() throws IOException {
        try (EventLog log = open(Rotation.SIZE, 10, true)) {
            log.append(List.of(event("a")));
            log.append(List.of(event("b")));
        }
        Path gz = dir.resolve("events-" + today() + ".jsonl.gz");
        assertThat(gz).exists();
        assertThat(dir.resolve("events-" + today() + ".jsonl")).doesNotExist();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertThat(ids(new String(in.readAllBytes(), StandardCharsets.UTF_8))).containsExactly("a");
        }
        try (EventLog log = open(Rotation.SIZE, 10, true)) {
            assertThat(log.append(List.of(event("a"), event("b"), event("c")))).extracting(Event::id)
                    .containsExactly("c");
        }
    }

    @Test
    void finishesACompressionACrashInterrupted() throws IOException {
        try (EventLog log = open(Rotation.SIZE, 10, true)) {
            log.append(List.of(event("a")));
            log.append(List.of(event("b")));
        }
        // As if the crash came after the .gz was renamed into place but before the plain file was deleted,
        // with a half-written temporary file of a later compression lying around too.
        Path plain = dir.resolve("events-" + today() + ".jsonl");
        Files.writeString(plain, Json.mapper().writeValueAsString(event("a")) + "\n");
        Files.writeString(dir.resolve(".events-" + today() + "-1.jsonl.gz.tmp"), "half");

        try (EventLog log = open(Rotation.SIZE, 10, true)) {
            assertThat(log.contains("a")).isTrue();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("events-" + today() + ".jsonl.gz", EventLog.CURRENT);
        }
    }

    @Test
    void compressesAPlainRotatedFileWhenGzipIsOn() throws IOException {
        try (EventLog log = open(Rotation.SIZE, 10, false)) {
            log.append(List.of(event("a")));
            log.append(List.of(event("b")));
        }
        try (EventLog log = open(Rotation.SIZE, 10, true)) {
            assertThat(log.contains("a")).isTrue();
        }
        assertThat(dir.resolve("events-" + today() + ".jsonl.gz")).exists();
        assertThat(dir.resolve("events-" + today() + ".jsonl")).doesNotExist();
    }

    @Test
    void remembersOnlyTheLatestIdsAcrossFilesAndReopens() throws IOException {
        try (EventLog log = EventLog.open(dir, Rotation.SIZE, 1, false, CLOCK, 3)) {
            for (String id : List.of("a", "b", "c", "d", "e")) {
                log.append(List.of(event(id)));
            }
            assertThat(log.remembered()).isEqualTo(3);
            assertThat(log.contains("b")).isFalse();
            assertThat(log.append(List.of(event("e"), event("d")))).as("recent: still duplicates").isEmpty();
        }
        // Five files of one line each: reopened, the ids remembered are those of the newest three files.
        try (EventLog log = EventLog.open(dir, Rotation.SIZE, 1, false, CLOCK, 3)) {
            assertThat(log.files()).isEqualTo(5);
            assertThat(log.size()).isEqualTo(5);
            assertThat(List.of("a", "b", "c", "d", "e")).filteredOn(log::contains).containsExactly("c", "d", "e");
            // Beyond the bound an event that comes again is written again: the documented cost of the bound.
            assertThat(log.append(List.of(event("a"), event("c")))).extracting(Event::id).containsExactly("a");
        }
    }

    @Test
    void readsRotatedFilesInTheOrderTheyWereWritten() {
        List<Path> names = new ArrayList<>(List.of(Path.of("events-2026-11-02.jsonl"),
                Path.of("events-2026-11-01-10.jsonl.gz"), Path.of("events-2026-11-01-2.jsonl"),
                Path.of("events-2026-11-01.jsonl")));
        names.sort(EventLog.WRITTEN_ORDER);
        assertThat(names).extracting(Path::toString).containsExactly("events-2026-11-01.jsonl",
                "events-2026-11-01-2.jsonl", "events-2026-11-01-10.jsonl.gz", "events-2026-11-02.jsonl");
    }

    private static String today() {
        // Rotated files are named after the day the file was last written, by the file system's clock.
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private static List<String> ids(Path file) throws IOException {
        return ids(Files.readString(file));
    }

    private static List<String> ids(String content) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (!line.isEmpty()) {
                JsonNode n = Json.mapper().readTree(line);
                ids.add(n.get("id").asText());
            }
        }
        return ids;
    }
}
