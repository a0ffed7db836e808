package org.parley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.ingest.progress.ProgressBarDisplay;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

@WithKafka
class IngestProgressIT {
    @Test
    void progressCoversEveryByteOfTheInputAndCountsTheArticles(KafkaFixture kafka) throws IOException {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Path dir = Files.createDirectories(kafka.tempDir().resolve("bulk"));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 6; i++) {
            Files.writeString(dir.resolve("a" + i + ".txt"), text(random, 2000));
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append("{\"title\":\"Article ").append(i).append("\",\"text\":\"").append(text(random, 2000))
                    .append("\",\"date\":\"2025-01-01\"}\n");
        }
        Files.writeString(dir.resolve("many.jsonl"), lines);
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

    /** About {@code chars} characters of made-up words: every text differs from every other. */
    private static String text(SplittableRandom random, int chars) {
        StringBuilder text = new StringBuilder(chars + 20);
        while (text.length() < chars) {
            text.append(text.length() % 400 < 10 && text.length() > 0 ? ". " : " ");
            int letters = 2 + random.nextInt(8);
            for (int l = 0; l < letters; l++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.append('.').toString().strip();
    }
}
