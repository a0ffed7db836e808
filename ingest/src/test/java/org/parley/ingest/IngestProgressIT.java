package org.parley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.contracts.ParleyConfig;
import org.parley.contracts.TopicAdmin;
import org.parley.ingest.bench.SyntheticArticles;
import org.parley.ingest.progress.ProgressBarDisplay;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

@WithKafka
class IngestProgressIT {
    @Test
    void progressCoversEveryByteOfTheInputAndCountsTheArticles(KafkaFixture kafka) throws IOException {
        ParleyConfig config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Path dir = Files.createDirectories(kafka.tempDir().resolve("bulk"));
        SyntheticArticles articles = new SyntheticArticles(3, 2000);
        for (int i = 0; i < 6; i++) {
            Files.writeString(dir.resolve("a" + i + ".txt"), articles.nextText());
        }
        articles.writeJsonLines(dir.resolve("many.jsonl"), 40);
        Files.writeString(dir.resolve("empty.txt"), "");
        long totalBytes;
        try (Stream<Path> files = Files.list(dir)) {
            totalBytes = files.mapToLong(p -> p.toFile().length()).sum();
        }

        List<long[]> started = new ArrayList<>();
        long[] advanced = new long[1];
        int[] lastArticles = new int[1];
        IngestSummary summary;
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults())) {
            summary = ingestor.ingest(List.of(dir), new IngestProgress() {
                @Override
                public void started(int files, long bytes) {
                    started.add(new long[] {files, bytes});
                }

                @Override
                public void advanced(long bytes, int sent) {
                    advanced[0] += bytes;
                    lastArticles[0] = sent;
                }
            });
        }

        assertThat(started).singleElement().satisfies(s -> assertThat(s).containsExactly(8, totalBytes));
        assertThat(advanced[0]).isEqualTo(totalBytes);
        assertThat(lastArticles[0]).isEqualTo(46);
        assertThat(summary.published()).isEqualTo(46);
        assertThat(summary.rejected()).hasSize(1);
        assertThat(ProgressBarDisplay.worthShowing(8, totalBytes)).isTrue();
        assertThat(ProgressBarDisplay.worthShowing(ProgressBarDisplay.HANDFUL, 1000)).isFalse();
        assertThat(ProgressBarDisplay.worthShowing(1, ProgressBarDisplay.LARGE_BYTES)).isTrue();
    }
}
