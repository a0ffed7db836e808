package org.parley.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingested;
import org.parley.ingest.Rejection;

/** The watcher's decisions (when a file is read, under which article key) with a clock the test moves. */
class FolderWatcherTest {
    private static final Duration QUIET = Duration.ofSeconds(5);

    @TempDir
    Path inbox;

    private final TestClock clock = new TestClock(Instant.parse("2025-03-10T12:00:00Z"));
    private final List<String> reads = new ArrayList<>();
    private final List<String> rejects = new ArrayList<>();

    /** Records each read as "file name@key" and gives each read article the id "id-N". */
    private final FolderWatcher.Target target = new FolderWatcher.Target() {
        @Override
        public IngestSummary read(Path file, String articleKey) {
            reads.add(file.getFileName() + "@" + articleKey);
            String id = articleKey != null ? articleKey : "id-" + reads.size();
            return new IngestSummary(1, 0, List.of(), List.of(new Ingested(file.toString(), id, id, false)));
        }

        @Override
        public IngestSummary reject(String origin, String reason) {
            rejects.add(origin + ": " + reason);
            return new IngestSummary(0, 0, List.of(new Rejection(origin, reason)));
        }

        @Override
        public boolean kafkaAway() {
            return false;
        }
    };

    private FolderWatcher watcher() {
        return new FolderWatcher(target, inbox, null, QUIET, clock, (f, s) -> { });
    }

    /** Appends a chunk as a writer would, the file's modification time being the (test) time of the write. */
    private void writeChunk(Path file, String chunk) throws IOException {
        Files.writeString(file, chunk, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
    }

    private void advance(Duration d) {
        clock.advance(d);
    }

    @Test
    void aFileWrittenInFourChunksTwoAndAHalfSecondsApartIsReadOnceWhole() throws IOException {
        FolderWatcher watcher = watcher();
        Path file = inbox.resolve("slow.txt");
        for (int chunk = 1; chunk <= 4; chunk++) {
            writeChunk(file, "Paragraph " + chunk + " of a slowly written article.\n\n");
            // Scans every second, as the running watcher does, while the writer pauses.
            for (int s = 0; s < 5 && (chunk < 4 || s < 2); s++) {
                watcher.scan();
                advance(Duration.ofMillis(500));
            }
        }
        assertThat(reads).isEmpty();
        for (int s = 0; s < 12; s++) {
            watcher.scan();
            advance(Duration.ofSeconds(1));
        }
        assertThat(reads).containsExactly("slow.txt@null");
    }

    @Test
    void aFileIsReadOnlyAfterTheQuietPeriodAndAChangedOneAsANewVersionOfTheSameArticle() throws IOException {
        FolderWatcher watcher = watcher();
        Path file = inbox.resolve("talks.txt");
        writeChunk(file, "First version.");
        watcher.scan();
        advance(QUIET.minusMillis(1));
        assertThat(watcher.scan().articles()).isEmpty();
        advance(Duration.ofMillis(1));
        assertThat(watcher.scan().articles()).extracting(Ingested::id).containsExactly("id-1");
        advance(Duration.ofMinutes(1));
        assertThat(watcher.scan().articles()).as("unchanged: not read again").isEmpty();

        Files.writeString(file, "Second, longer version.");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        watcher.scan();
        advance(QUIET);
        assertThat(watcher.scan().articles()).extracting(Ingested::id).containsExactly("id-1");
        assertThat(reads).containsExactly("talks.txt@null", "talks.txt@id-1");
    }

    @Test
    void brokenAndLoopingSymbolicLinksAreReportedOnceNamingThePath() throws IOException {
        Path dangling = Files.createSymbolicLink(inbox.resolve("gone.txt"), inbox.resolve("missing.txt"));
        Path sub = Files.createDirectories(inbox.resolve("sub"));
        Path loop = Files.createSymbolicLink(sub.resolve("back"), inbox);
        FolderWatcher watcher = watcher();
        for (int s = 0; s < 8; s++) {
            watcher.scan();
            advance(Duration.ofSeconds(1));
        }
        assertThat(rejects).containsExactlyInAnyOrder(
                dangling + ": cannot read: broken symbolic link (its target " + inbox.resolve("missing.txt")
                        + " does not exist)",
                loop + ": cannot read: symbolic link loop (it leads back to a folder above it)");
        assertThat(reads).isEmpty();
    }
}
