package org.parley.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.parley.common.Article;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingested;
import org.parley.ingest.Ingestor;
import org.parley.ingest.Rejection;

import org.parley.testkit.KafkaFixture;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

@WithKafka
class FolderWatcherIT {
    private static final String TALKS = "The foreign ministers met in Geneva on Tuesday and agreed to resume talks "
            + "on a prisoner exchange next month.";
    private static final String TALKS_EDITED = "The foreign ministers met in Geneva on Wednesday and agreed to "
            + "resume talks on a prisoner exchange in two weeks.";

    private static final Duration QUIET = Duration.ofSeconds(1);

    /** Scans, then lets the quiet period pass on the watcher's clock. */
    private static IngestSummary scanAndWait(FolderWatcher watcher, TestClock clock) {
        IngestSummary s = watcher.scan();
        clock.advance(QUIET);
        return s;
    }

    @Test
    void aFileIsReadOnlyOnceItHasSettledAndAgainWhenItChanges(KafkaFixture kafka) throws IOException {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("inbox"));
        List<Path> told = new CopyOnWriteArrayList<>();
        TestClock clock = new TestClock(Instant.now());
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults());
             FolderWatcher watcher = new FolderWatcher(FolderWatcher.Target.of(ingestor), inbox, null, QUIET,
                     clock, (file, s) -> told.add(file))) {
            Path talks = Files.writeString(inbox.resolve("talks.txt"), TALKS);

            // First sight: still possibly being written, so not read yet.
            assertThat(scanAndWait(watcher, clock).articles()).isEmpty();
            // Unchanged for the quiet period: read.
            IngestSummary first = scanAndWait(watcher, clock);
            assertThat(first.articles()).singleElement().satisfies(a -> {
                assertThat(a.origin()).isEqualTo(talks.toString());
                assertThat(a.duplicate()).isFalse();
            });
            // Unchanged and already read: left alone.
            assertThat(scanAndWait(watcher, clock).articles()).isEmpty();

            // Changed text: read again once quiet, as a new version of the same article (same id and key).
            Files.writeString(talks, TALKS_EDITED);
            Files.setLastModifiedTime(talks, FileTime.from(Instant.now().plusSeconds(5)));
            assertThat(scanAndWait(watcher, clock).articles()).isEmpty();
            IngestSummary edited = scanAndWait(watcher, clock);
            assertThat(edited.published()).isEqualTo(1);
            assertThat(edited.articles().get(0).id()).isEqualTo(first.articles().get(0).id());

            // The first text again, in a new file: a duplicate, not published again.
            Files.writeString(inbox.resolve("again.txt"), TALKS);
            scanAndWait(watcher, clock);
            IngestSummary again = scanAndWait(watcher, clock);
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(again.published()).isZero();

            // A bad file is rejected once, naming it, and not again while unchanged.
            Path empty = Files.writeString(inbox.resolve("empty.txt"), "");
            scanAndWait(watcher, clock);
            assertThat(scanAndWait(watcher, clock).rejected()).extracting(Rejection::origin)
                    .containsExactly(empty.toString());
            assertThat(scanAndWait(watcher, clock).rejected()).isEmpty();

            assertThat(watcher.total().published()).isEqualTo(2);
            assertThat(watcher.total().duplicates()).isEqualTo(1);
            assertThat(watcher.total().rejected()).hasSize(1);
            assertThat(told).containsExactly(talks, talks, inbox.resolve("again.txt"), empty);
        }
        List<ConsumerRecord<String, Article>> articles = TopicReader.readCommitted(config, config.topics().articles());
        assertThat(articles).extracting(r -> r.value().text()).containsExactly(TALKS, TALKS_EDITED);
        assertThat(articles).extracting(ConsumerRecord::key).as("one article key for both versions")
                .containsOnly(articles.get(0).value().id());
    }

    @Test
    void aFileWrittenInFourChunksTwoAndAHalfSecondsApartIsOneArticle(KafkaFixture kafka) throws IOException {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("chunks"));
        Path file = inbox.resolve("slow.txt");
        List<Ingested> seen = new CopyOnWriteArrayList<>();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults());
             FolderWatcher watcher = new FolderWatcher(ingestor, inbox, null, FolderWatcher.DEFAULT_QUIET_PERIOD,
                     (f, s) -> seen.addAll(s.articles())).start()) {
            for (int chunk = 0; chunk < 4; chunk++) {
                String text = (chunk == 0 ? "" : "\n\n") + CHUNKS[chunk];
                writer.schedule(() -> append(file, text), 2500L * chunk, TimeUnit.MILLISECONDS);
            }
            await().atMost(Duration.ofSeconds(40)).until(() -> !seen.isEmpty());
            // Quiet for longer than the quiet period again: nothing more is read.
            await().during(FolderWatcher.DEFAULT_QUIET_PERIOD.plusSeconds(2)).atMost(Duration.ofSeconds(20))
                    .until(() -> seen.size() == 1);
        } finally {
            writer.shutdownNow();
        }
        List<ConsumerRecord<String, Article>> articles = TopicReader.readCommitted(config, config.topics().articles());
        assertThat(articles).singleElement().satisfies(r -> assertThat(r.value().text()).contains(CHUNKS));
    }

    private static final String[] CHUNKS = {
        "Norway criticized Georgia over a pipeline dispute on Monday.",
        "The foreign ministry in Oslo said the talks had failed.",
        "Georgia rejected the criticism on Tuesday.",
        "Both sides agreed to meet again next month."};

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void filesThatLandWhileWatchingArePublished(KafkaFixture kafka) throws IOException {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("landing"));
        Files.writeString(inbox.resolve("before.txt"), TALKS);
        List<Ingested> seen = new CopyOnWriteArrayList<>();
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults());
             FolderWatcher watcher = new FolderWatcher(ingestor, inbox, "*.txt", Duration.ofMillis(200),
                     (file, s) -> seen.addAll(s.articles())).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 1);

            Path sub = Files.createDirectories(inbox.resolve("later/deeper"));
            Files.writeString(sub.resolve("after.txt"), TALKS_EDITED);
            Files.writeString(sub.resolve("ignored.md"), "not selected by the glob");
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 2);

            assertThat(seen).extracting(Ingested::origin)
                    .containsExactly(inbox.resolve("before.txt").toString(), sub.resolve("after.txt").toString());
            assertThat(watcher.total().rejected()).isEmpty();
        }
        assertThat(TopicReader.readCommitted(config, config.topics().articles())).hasSize(2);
    }
}
