package org.parley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.parley.common.Article;
import org.parley.contracts.DeadLetter;
import org.parley.contracts.DeadLetterHeaders;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

@WithKafka
class IngestorIT {
    private static final Path SEED = Path.of("../seeds/000_5d88cda59b529f56.txt");
    private static final long LIMIT = 64 * 1024;

    private static final String TALKS = "The foreign ministers met in Geneva on Tuesday and agreed to resume talks on "
            + "a prisoner exchange next month.";
    private static final String SANCTIONS = "The European Union extended its sanctions for another six months, "
            + "diplomats in Brussels said on Friday.";

    /** A folder with good files of every format, a duplicate, and one file of each bad kind. */
    private record Inbox(Path dir, Set<String> goodOrigins, Set<String> badOrigins) {
    }

    private static Inbox inbox(Path dir) throws IOException {
        Path seed = Files.copy(SEED, dir.resolve("seed.txt"));
        Path talks = Files.writeString(dir.resolve("talks.txt"), "Ministers Agree to Resume Talks\n\n" + TALKS);
        Path page = Files.writeString(dir.resolve("news/page.html"), "<html><head>"
                + "<meta property=\"article:published_time\" content=\"2025-02-27\"></head>"
                + "<body><nav>Home</nav><article><h1>Sanctions extended</h1><p>" + SANCTIONS + "</p></article>"
                + "</body></html>", StandardCharsets.UTF_8);
        Path json = Files.writeString(dir.resolve("news/one.json"),
                "{\"title\": \"Ceasefire holds\", \"text\": \"The ceasefire held overnight, both sides said.\"}");
        Path lines = Files.writeString(dir.resolve("news/batch.jsonl"),
                "{\"text\": \"Turkey offered to host the next round of negotiations.\"}\n"
                        + "{\"text\": broken}\n"
                        + "{\"text\": \"Lavrov and Rubio spoke by telephone on Monday.\"}\n");
        // The same article as talks.txt, spaced differently: same id, so a duplicate.
        Files.writeString(dir.resolve("talks-copy.txt"), "Ministers Agree to Resume Talks\r\n\r\n"
                + TALKS.replace(" on ", "   on ") + "\n\n");

        Path binary = Files.write(dir.resolve("photo.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path big = Files.writeString(dir.resolve("big.txt"), (TALKS + "\n\n").repeat((int) (LIMIT / TALKS.length())));
        Path latin1 = Files.write(dir.resolve("latin1.txt"),
                ("Caf\u00e9 talks ended without agreement on Tuesday.").getBytes(StandardCharsets.ISO_8859_1));
        Path chrome = Files.writeString(dir.resolve("chrome.html"), "<nav>Menu</nav><p>Advertisement</p>");

        return new Inbox(dir,
                Set.of(seed.toString(), talks.toString(), page.toString(), json.toString(), lines + ":1",
                        lines + ":3"),
                Set.of(lines + ":2", binary.toString(), empty.toString(), big.toString(), latin1.toString(),
                        chrome.toString()));
    }

    private static Path folder(KafkaFixture kafka, String name) throws IOException {
        return Files.createDirectories(kafka.tempDir().resolve(name).resolve("news"));
    }

    @Test
    void goodArticlesArriveOnceAndBadInputsGoToTheDeadLetterTopic(KafkaFixture kafka) throws IOException {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Inbox inbox = inbox(folder(kafka, "inbox").getParent());

        IngestSummary summary;
        try (Ingestor ingestor = new Ingestor(config, new IngestOptions(null, null, LIMIT))) {
            summary = ingestor.ingest(List.of(inbox.dir()));
        }

        assertThat(summary.published()).isEqualTo(inbox.goodOrigins().size());
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.rejected()).extracting(Rejection::origin)
                .containsExactlyInAnyOrderElementsOf(inbox.badOrigins());
        assertThat(summary.anyRejected()).isTrue();

        List<ConsumerRecord<String, Article>> articles = TopicReader.readCommitted(config, config.topics().articles());
        assertThat(articles).hasSize(inbox.goodOrigins().size());
        assertThat(articles).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(r.value().id());
            assertThat(r.value().text()).isNotBlank();
            assertThat(r.value().date()).isNotNull();
        });
        assertThat(articles.stream().map(ConsumerRecord::key).distinct()).hasSize(articles.size());

        Article seed = articles.stream().map(ConsumerRecord::value)
                .filter(a -> "Yandex Translator".equals(a.translatedBy())).findFirst().orElseThrow();
        assertThat(seed.originalLanguage()).isEqualTo("ru");
        assertThat(seed.text()).doesNotContain("Skip to main content", "Advertisement");
        // Copied without its sidecar, and its text names no year: dated by the day of ingest, not the file's time.
        assertThat(seed.dateSource()).isEqualTo(Article.DateSource.INGEST_TIME);
        assertThat(seed.dateFrom()).isEqualTo("ingest-time");
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(seed.date()).isBetween(today.minusDays(1), today);
        Article page = articles.stream().map(ConsumerRecord::value)
                .filter(a -> "Sanctions extended".equals(a.title())).findFirst().orElseThrow();
        assertThat(page.date()).isEqualTo(LocalDate.of(2025, 2, 27));
        assertThat(page.dateSource()).isEqualTo(Article.DateSource.METADATA);
        assertThat(page.dateFrom()).isEqualTo("html-meta");
        assertThat(page.text()).isEqualTo(SANCTIONS);

        List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readCommitted(config, config.topics().deadLetters());
        assertThat(dead).hasSize(inbox.badOrigins().size());
        assertThat(dead).allSatisfy(r -> {
            DeadLetter letter = DeadLetter.read(r);
            assertThat(header(r, DeadLetterHeaders.COMPONENT)).isEqualTo("ingest");
            assertThat(header(r, DeadLetterHeaders.ORIGIN)).isEqualTo(letter.origin());
            assertThat(letter.component()).isEqualTo("ingest");
            assertThat(letter.reason()).isNotBlank();
            assertThat(letter.at()).isNotNull();
        });
        Map<String, String> reasons = dead.stream().map(r -> DeadLetter.read(r))
                .collect(Collectors.toMap(DeadLetter::origin, DeadLetter::reason));
        assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(inbox.badOrigins());
        Map<String, String> summaryReasons = summary.rejected().stream()
                .collect(Collectors.toMap(Rejection::origin, Rejection::reason));
        assertThat(reasons).isEqualTo(summaryReasons);
        assertThat(reasons).allSatisfy((origin, reason) -> {
            if (origin.endsWith("photo.txt")) {
                assertThat(reason).startsWith("binary file");
            } else if (origin.endsWith("empty.txt")) {
                assertThat(reason).isEqualTo("empty file");
            } else if (origin.endsWith("big.txt")) {
                assertThat(reason).startsWith("file too large");
            } else if (origin.endsWith("latin1.txt")) {
                assertThat(reason).startsWith("not valid UTF-8");
            } else if (origin.endsWith("chrome.html")) {
                assertThat(reason).contains("no article text left");
            } else {
                assertThat(origin).endsWith("batch.jsonl:2");
                assertThat(reason).startsWith("malformed JSON");
            }
        });
    }

    @Test
    void reingestingTheSameFolderPublishesTheSameKeys(KafkaFixture kafka) throws IOException {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Inbox inbox = inbox(folder(kafka, "again").getParent());

        List<IngestSummary> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (Ingestor ingestor = new Ingestor(config, new IngestOptions(LocalDate.of(2025, 3, 1), null, LIMIT))) {
                runs.add(ingestor.ingest(List.of(inbox.dir())));
            }
        }

        assertThat(runs).extracting(IngestSummary::published).containsExactly(6, 6);
        List<ConsumerRecord<String, Article>> articles = TopicReader.readCommitted(config, config.topics().articles());
        List<String> keys = articles.stream().map(ConsumerRecord::key).toList();
        assertThat(keys).hasSize(12);
        assertThat(keys.subList(0, 6)).containsExactlyInAnyOrderElementsOf(keys.subList(6, 12));
        assertThat(articles).extracting(r -> r.value().dateSource())
                .containsOnly(Article.DateSource.FLAG, Article.DateSource.METADATA);
    }

    /** PARLEY_INGEST_MAX_SEEN_IDS: an article forgotten by the bounded memory is sent again, not a duplicate. */
    @Test
    void anArticleBeyondTheSeenIdBoundIsSentAgainUnderTheSameKey(KafkaFixture kafka) throws IOException {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Path dir = folder(kafka, "bounded");
        Path talks = Files.writeString(dir.resolve("talks.txt"), TALKS);
        Path sanctions = Files.writeString(dir.resolve("sanctions.txt"), SANCTIONS);

        try (Ingestor ingestor = new Ingestor(config, new IngestOptions(null, null, LIMIT), new IngestBounds(1, 1, 1))) {
            assertThat(ingestor.ingest(List.of(talks)).published()).isEqualTo(1);
            assertThat(ingestor.ingest(List.of(talks)).duplicates()).as("still remembered").isEqualTo(1);
            assertThat(ingestor.ingest(List.of(sanctions)).published()).isEqualTo(1);
            IngestSummary again = ingestor.ingest(List.of(talks));
            assertThat(again.published()).as("forgotten: sent again").isEqualTo(1);
            assertThat(again.duplicates()).isZero();
        }

        List<ConsumerRecord<String, Article>> articles = TopicReader.readCommitted(config, config.topics().articles());
        // The same key twice: the processor's article-ids store drops the second (ParleyTopologyTest).
        List<String> keys = articles.stream().map(ConsumerRecord::key).toList();
        assertThat(keys).hasSize(3);
        assertThat(keys.get(2)).isEqualTo(keys.get(0)).isNotEqualTo(keys.get(1));
    }

    @Test
    void stdinJsonLinesArePublished(KafkaFixture kafka) {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        String input = "{\"text\": \"" + TALKS + "\", \"date\": \"2025-02-27\"}\n"
                + "{\"text\": \"" + SANCTIONS + "\"}\n"
                + "{\"text\": \"" + TALKS + "\"}\n"
                + "{oops\n";

        IngestSummary summary;
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults())) {
            summary = ingestor.ingest(new StringReader(input), "stdin");
        }

        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.rejected()).extracting(Rejection::origin).containsExactly("stdin:4");
        assertThat(TopicReader.readCommitted(config, config.topics().articles())).extracting(r -> r.value().dateSource())
                .containsExactly(Article.DateSource.METADATA, Article.DateSource.INGEST_TIME);
        assertThat(TopicReader.readCommitted(config, config.topics().deadLetters())).hasSize(1);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
