package org.parley.sink.gdelt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.sink.TestData.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.Event;
import org.parley.sink.events.EventLog;
import org.parley.sink.events.Rotation;
import org.parley.sink.files.OutDir;

/**
 * The GDELT export remembers only the latest {@code PARLEY_SINK_MAX_IDS} GLOBALEVENTIDs, like the event log, and
 * its repair after a crash still adds exactly the rows it lacks when most of its ids are forgotten.
 */
class GdeltExportBoundsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);
    private static final int BOUND = 3;

    @TempDir
    Path dir;

    private EventLog openLog() {
        return EventLog.open(dir, Rotation.NONE, 1, false, CLOCK);
    }

    private GdeltExport openExport(EventLog log) {
        return GdeltExport.open(new OutDir(dir), log, CLOCK, BOUND);
    }

    private static List<Event> events(String prefix, int n) {
        List<Event> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(event(prefix + i));
        }
        return list;
    }

    private List<Long> rowIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve(GdeltExport.DIR))) {
            for (Path p : files.sorted().toList()) {
                for (String line : Files.readAllLines(p)) {
                    String[] f = line.split("\t", -1);
                    assertThat(f).as(line).hasSize(GdeltRow.COLUMNS.size());
                    ids.add(Long.parseLong(f[0]));
                }
            }
        }
        return ids;
    }

    private static List<Long> idsOf(List<Event> events) {
        return events.stream().map(e -> GdeltRow.globalEventId(e.id())).toList();
    }

    @Test
    void onlyTheLatestIdsAreRememberedAndAnOlderEventComingAgainIsExportedAgain() throws IOException {
        List<Event> all = events("e", 5);
        try (EventLog log = openLog()) {
            GdeltExport export = openExport(log);
            assertThat(export.append(all)).isEqualTo(5);
            assertThat(export.size()).isEqualTo(5);
            assertThat(export.remembered()).isEqualTo(BOUND);
            assertThat(export.append(List.of(all.get(4), all.get(2)))).as("still remembered").isZero();
            assertThat(export.append(List.of(all.get(0)))).as("forgotten: written again").isEqualTo(1);
            assertThat(export.remembered()).isEqualTo(BOUND);
        }
        List<Long> expected = new ArrayList<>(idsOf(all));
        expected.add(GdeltRow.globalEventId("e0"));
        assertThat(rowIds()).containsExactlyElementsOf(expected);
    }

    @Test
    void aCrashRepairBeyondTheBoundAddsOnlyTheRowsTheExportLacks() throws IOException {
        List<Event> before = events("a", 10);
        List<Event> lost = events("b", 4);
        try (EventLog log = openLog()) {
            GdeltExport export = openExport(log);
            for (int i = 0; i < before.size(); i += 2) {
                export.append(log.append(before.subList(i, i + 2)));
            }
            log.append(lost); // crash: the GDELT append of this batch never happens
        }
        assertThat(rowIds()).hasSize(10);

        // 10 rows, only the last 3 ids remembered: the 7 older rows must not be taken for missing ones.
        List<Event> both = new ArrayList<>(before);
        both.addAll(lost);
        try (EventLog log = openLog()) {
            GdeltExport export = openExport(log);
            assertThat(export.size()).isEqualTo(14);
            assertThat(log.append(lost)).as("the topic replays the batch; the log skips it").isEmpty();
        }
        assertThat(rowIds()).containsExactlyElementsOf(idsOf(both));

        // Opened again with nothing lacking: nothing is copied.
        try (EventLog log = openLog()) {
            assertThat(openExport(log).size()).isEqualTo(14);
        }
        assertThat(rowIds()).containsExactlyElementsOf(idsOf(both));
    }

    @Test
    void switchedOnLaterItExportsEveryEventAlreadyOnDiskWhateverTheBound() throws IOException {
        List<Event> all = events("old", 10);
        try (EventLog log = openLog()) {
            log.append(all);
        }
        try (EventLog log = openLog()) {
            GdeltExport export = openExport(log);
            assertThat(export.size()).isEqualTo(10);
            assertThat(export.remembered()).isEqualTo(BOUND);
        }
        assertThat(rowIds()).containsExactlyElementsOf(idsOf(all));
    }
}
