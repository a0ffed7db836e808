package org.parley.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.parley.common.Article;
import org.parley.common.ParleyConfig;
import org.parley.common.TopicAdmin;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingested;
import org.parley.ingest.Ingestor;
import org.parley.ingest.Rejection;

import org.parley.testkit.TopicReader;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

@WithKafka
class FolderWatcherIT {
    private static final String TALKS = "The foreign ministers met in Geneva on Tuesday and agreed to resume talks "
            + "on a prisoner exchange next month.";
    private static final String TALKS_EDITED = "The foreign ministers met in Geneva on Wednesday and agreed to "
            + "resume talks on a prisoner exchange in two weeks.";

    @Test
    void aFileIsReadOnlyOnceItHasSettledAndAgainWhenItChanges(KafkaFixture kafka) throws IOException {
        ParleyConfig config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("inbox"));
        List<Path> told = new CopyOnWriteArrayList<>();
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults());
             FolderWatcher watcher = new FolderWatcher(ingestor, inbox, null, Duration.ofSeconds(1),
                     (file, s) -> told.add(file))) {
            Path talks = Files.writeString(inbox.resolve("talks.txt"), TALKS);

            // First sight: still possibly being written, so not read yet.
            assertThat(watcher.scan().articles()).isEmpty();
            // Unchanged since the last scan: read.
            IngestSummary first = watcher.scan();
            assertThat(first.articles()).singleElement().satisfies(a -> {
                assertThat(a.origin()).isEqualTo(talks.toString());
                assertThat(a.duplicate()).isFalse();
            });
            // Unchanged and already read: left alone.
            assertThat(watcher.scan().articles()).isEmpty();

            // Changed text: read again once settled, under a new id.
            Files.writeString(talks, TALKS_EDITED);
            Files.setLastModifiedTime(talks, FileTime.from(Instant.now().plusSeconds(5)));
            assertThat(watcher.scan().articles()).isEmpty();
            IngestSummary edited = watcher.scan();
            assertThat(edited.published()).isEqualTo(1);
            assertThat(edited.articles().get(0).id()).isNotEqualTo(first.articles().get(0).id());

            // The first text again, in a new file: a duplicate, not published again.
            Files.writeString(inbox.resolve("again.txt"), TALKS);
            watcher.scan();
            IngestSummary again = watcher.scan();
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(again.published()).isZero();

            // A bad file is rejected once, naming it, and not again while unchanged.
            Path empty = Files.writeString(inbox.resolve("empty.txt"), "");
            watcher.scan();
            assertThat(watcher.scan().rejected()).extracting(Rejection::origin).containsExactly(empty.toString());
            assertThat(watcher.scan().rejected()).isEmpty();

            assertThat(watcher.total().published()).isEqualTo(2);
            assertThat(watcher.total().duplicates()).isEqualTo(1);
            assertThat(watcher.total().rejected()).hasSize(1);
            assertThat(told).containsExactly(talks, talks, inbox.resolve("again.txt"), empty);
        }
        List<ConsumerRecord<String, Article>> articles = TopicReader.readCommitted(config, config.topics().articles());
        assertThat(articles).extracting(r -> r.value().text()).containsExactly(TALKS, TALKS_EDITED);
    }

    @Test
    void filesThatLandWhileWatchingArePublished(KafkaFixture kafka) throws IOException {
        ParleyConfig config = kafka.config();
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
