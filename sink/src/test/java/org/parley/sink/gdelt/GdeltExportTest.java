package org.parley.sink.gdelt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.sink.TestData.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

class GdeltExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private EventLog openLog() {
        return EventLog.open(dir, Rotation.NONE, 1, false, CLOCK);
    }

    private static List<Event> events(String prefix, int n) {
        List<Event> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(event(prefix + i));
        }
        return list;
    }

    /** Every row of every export file, each checked to be 61 fields. */
    private List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve(GdeltExport.DIR))) {
            for (Path p : files.sorted().toList()) {
                assertThat(p.getFileName().toString()).matches(GdeltExport.FILE.pattern());
                String content = Files.readString(p);
                assertThat(content).endsWith("\n");
                for (String line : content.split("\n")) {
                    String[] f = line.split("\t", -1);
                    assertThat(f).as(line).hasSize(61);
                    rows.add(f);
                }
            }
        }
        return rows;
    }

    private List<Long> rowIds() throws IOException {
        return rows().stream().map(f -> Long.parseLong(f[0])).toList();
    }

    private static List<Long> idsOf(List<Event> events) {
        return events.stream().map(e -> GdeltRow.globalEventId(e.id())).toList();
    }

    @Test
    void writesWhatTheEventLogWroteOnceNamedByTheDayAdded() throws IOException {
        List<Event> all = events("e", 5);
        try (EventLog log = openLog()) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            List<Event> batch = new ArrayList<>(all);
            batch.add(all.get(2)); // a duplicate in the batch
            assertThat(export.append(log.append(batch))).isEqualTo(5);
            assertThat(export.append(log.append(all))).as("the log writes nothing new").isZero();
            assertThat(export.append(all)).as("rows already there are not written again").isZero();
        }
        // TestData events were ingested on 2026-11-26.
        assertThat(dir.resolve("gdelt/events-20261126.export.CSV")).exists();
        assertThat(rowIds()).containsExactlyInAnyOrderElementsOf(idsOf(all));

        try (EventLog log = openLog()) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            assertThat(export.size()).isEqualTo(5);
            assertThat(export.append(log.append(all))).isZero();
        }
        assertThat(rowIds()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void aCrashBetweenTheTwoWritesIsRepairedFromTheEventLogOnOpen() throws IOException {
        List<Event> first = events("a", 3);
        List<Event> second = events("b", 4);
        try (EventLog log = openLog()) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            export.append(log.append(first));
            log.append(second); // crash: the GDELT append of this batch never happens
        }
        assertThat(rowIds()).hasSize(3);

        try (EventLog log = openLog()) {
            GdeltExport.open(new OutDir(dir), log, CLOCK);
            // After the restart the topic replays the batch; the log skips it, and so does the export.
            assertThat(log.append(second)).isEmpty();
        }
        List<Event> both = new ArrayList<>(first);
        both.addAll(second);
        assertThat(rowIds()).containsExactlyInAnyOrderElementsOf(idsOf(both));
    }

    @Test
    void aRowCutShortIsTruncatedAndWrittenAgain() throws IOException {
        List<Event> all = events("t", 3);
        Path file = dir.resolve("gdelt/events-20261126.export.CSV");
        try (EventLog log = openLog()) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            log.append(all);
            export.append(all.subList(0, 2));
        }
        // The third mention of the same distinct event (TestData's events differ only by id and article).
        String torn = GdeltRow.line(all.get(2), CLOCK.instant(), new MentionTally.Counts(3, 3, 3));
        Files.writeString(file, torn.substring(0, torn.length() / 2), StandardOpenOption.APPEND);

        try (EventLog log = openLog()) {
            assertThat(GdeltExport.open(new OutDir(dir), log, CLOCK).size()).isEqualTo(3);
        }
        assertThat(rowIds()).containsExactlyInAnyOrderElementsOf(idsOf(all));
        assertThat(Files.readString(file)).endsWith(torn);
    }

    @Test
    void aCompleteButBrokenLastRowIsTruncatedAndOneInTheMiddleKept() throws IOException {
        List<Event> all = events("m", 2);
        Path file = dir.resolve("gdelt/events-20261126.export.CSV");
        try (EventLog log = openLog()) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            export.append(log.append(all.subList(0, 1)));
            Files.writeString(file, "hand\tedited\n", StandardOpenOption.APPEND);
            export.append(log.append(all.subList(1, 2)));
        }
        Files.writeString(file, "\0\0\0\0\n", StandardOpenOption.APPEND);
        try (EventLog log = openLog()) {
            assertThat(GdeltExport.open(new OutDir(dir), log, CLOCK).size()).isEqualTo(2);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3).contains("hand\tedited");
        assertThat(lines.get(2)).startsWith(Long.toString(GdeltRow.globalEventId("m1")) + "\t");
    }

    @Test
    void switchedOnLaterItExportsTheEventsAlreadyOnDiskIncludingRotatedGzipFiles() throws IOException {
        List<Event> all = events("old", 40);
        // A tiny size limit makes every batch after the first rotate events.jsonl into a .gz file.
        try (EventLog log = EventLog.open(dir, Rotation.SIZE, 100, true, CLOCK)) {
            for (int i = 0; i < all.size(); i += 10) {
                log.append(all.subList(i, i + 10));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".jsonl.gz"));
        }
        try (EventLog log = EventLog.open(dir, Rotation.SIZE, 100, true, CLOCK)) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            assertThat(export.size()).isEqualTo(40);
        }
        assertThat(rowIds()).containsExactlyInAnyOrderElementsOf(idsOf(all));
    }

    @Test
    void anEventLogRebuiltFromTheTopicDoesNotDuplicateRows() throws IOException {
        List<Event> all = events("r", 4);
        try (EventLog log = openLog()) {
            GdeltExport.open(new OutDir(dir), log, CLOCK).append(log.append(all));
        }
        Files.delete(dir.resolve(EventLog.CURRENT));
        try (EventLog log = openLog()) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            assertThat(log.append(all)).hasSize(4);
            assertThat(export.append(all)).isZero();
        }
        assertThat(rowIds()).hasSize(4).doesNotHaveDuplicates();
    }

    /** A mention of RUS->USA on 2026-11-26 with the code given, in the article given (with its URL, or null). */
    private static Event mention(String id, String article, String url, String cameo) {
        Event e = event(id);
        return new Event(id, article, e.sentenceIndex(), e.sentence(), e.span(), e.date(), e.source(), e.target(),
                cameo, cameo.substring(0, 2), e.quadClass(), e.goldstein(), e.plover(), e.location(), e.rule(),
                e.ingestedAt(), e.dateFrom(), null, url);
    }

    /** NumMentions, NumSources, NumArticles of each row, by the row's GLOBALEVENTID. */
    private java.util.Map<Long, String> counts() throws IOException {
        java.util.Map<Long, String> m = new java.util.HashMap<>();
        for (String[] f : rows()) {
            m.put(Long.parseLong(f[0]), f[31] + "/" + f[32] + "/" + f[33]);
        }
        return m;
    }

    @Test
    void eachRowCountsTheMentionsOfItsDistinctEventSoFar() throws IOException {
        List<Event> all = List.of(
                mention("a0", "A", "https://www.example-news.org/talks", "040"),
                mention("a1", "A", "https://www.example-news.org/talks", "040"), // the same article again
                mention("b0", "B", "https://example-news.org/more", "040"), // another article, same outlet
                mention("c0", "C", null, "040"), // no URL: a source of its own
                mention("d0", "D", "https://wire.example.com/x", "036")); // another distinct event (code)
        try (EventLog log = openLog()) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            export.append(log.append(all.subList(0, 2)));
            export.append(log.append(all.subList(2, 5)));
        }
        assertThat(counts()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                GdeltRow.globalEventId("a0"), "1/1/1",
                GdeltRow.globalEventId("a1"), "2/1/1",
                GdeltRow.globalEventId("b0"), "3/1/2",
                GdeltRow.globalEventId("c0"), "4/2/3",
                GdeltRow.globalEventId("d0"), "1/1/1"));
    }

    @Test
    void countsContinueAfterARestartAndARepairedRowGetsTheCountsItWouldHaveHad() throws IOException {
        List<Event> all = List.of(mention("x0", "A", null, "040"), mention("x1", "B", null, "040"),
                mention("x2", "C", null, "040"), mention("x3", "D", null, "040"));
        try (EventLog log = openLog()) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            export.append(log.append(all.subList(0, 2)));
            log.append(all.subList(2, 3)); // crash before the export wrote x2
        }
        try (EventLog log = openLog()) {
            GdeltExport export = GdeltExport.open(new OutDir(dir), log, CLOCK);
            assertThat(counts()).containsEntry(GdeltRow.globalEventId("x2"), "3/3/3");
            export.append(log.append(all.subList(3, 4)));
        }
        assertThat(counts()).containsEntry(GdeltRow.globalEventId("x3"), "4/4/4").hasSize(4);
    }

    @Test
    void theTallyForgetsTheLeastRecentlyMentionedDistinctEventFirst() {
        MentionTally tally = new MentionTally(2);
        Event a = mention("a", "A", null, "040");
        Event b = mention("b", "B", null, "036");
        Event c = mention("c", "C", null, "042");
        tally.see(a);
        tally.see(b);
        tally.see(a); // a is now the most recent
        tally.see(c); // forgets b
        assertThat(tally.size()).isEqualTo(2);
        assertThat(tally.see(a).mentions()).isEqualTo(3);
        assertThat(tally.see(b).mentions()).as("forgotten: starts again").isEqualTo(1);
    }
}
