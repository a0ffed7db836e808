package org.parley.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.cli.reliability.TopicContents.header;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.parley.cli.PartSettings;
import org.parley.cli.ParleyCli;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.contracts.DeadLetterHeaders;
import org.parley.pipeline.LocalPipeline;
import org.parley.processor.ProcessorSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * Bad input at every entrance of one running pipeline at once: garbage on the articles topic (read by the
 * processor), garbage on the events topic (read by the sink), and malformed files given to ingest. Each bad record
 * ends up on the dead-letter topic with headers that say what went wrong and where it came from, with its original
 * bytes, and every good article still comes out as events on disk.
 *
 * <p>Each part's own handling is tested in detail elsewhere: ProcessorIT (processor, deserialization),
 * SinkIT#badValuesGoToTheDeadLetterTopicAndTheRestIsWritten (sink), IngestorIT (every kind of bad file).
 */
@WithKafka
class DeadLettersEverywhereIT {

    @Test
    void badInputAtEveryEntranceIsDeadLetteredWithItsOriginAndNothingElseIsLost(KafkaFixture kafka)
            throws Exception {
        ProcessorSettings config = PartSettings.processor(kafka).withHttp("127.0.0.1", 0);
        List<Article> good = ArticleGenerator.generate(7, 12);
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("inbox"));
        Files.writeString(inbox.resolve("good.txt"), "Poland imposed sanctions on Iran.\n");
        Files.writeString(inbox.resolve("lines.jsonl"), """
                {"text": "Japan praised India for its leadership.", "date": "2025-03-04"}
                {"text": "Spain recalled its ambassador to Brazil.", "date": "next Tuesday-ish"}
                {"text": "Canada signed a trade agreement with Egypt.", "date": "2025-03-05"}
                """);
        Files.writeString(inbox.resolve("broken.json"), "{\"text\": \"Turkey threatened Greece\", ");
        Files.writeString(inbox.resolve("empty.txt"), "");
        int goodFromFiles = 3;
        Set<String> badOrigins = Set.of("lines.jsonl:2", "broken.json", "empty.txt");

        List<byte[]> badArticles = List.of(
                "{not json".getBytes(StandardCharsets.UTF_8),
                "{\"id\": \"wrong-date\", \"text\": \"Russia praised China.\", \"date\": \"soon\"}"
                        .getBytes(StandardCharsets.UTF_8),
                new byte[] {0, (byte) 0xff, (byte) 0xfe, 17});
        List<byte[]> badEvents = List.of(
                "[1, 2, 3]".getBytes(StandardCharsets.UTF_8),
                "{\"id\": \"e-1\", \"goldstein\": \"very high\"}".getBytes(StandardCharsets.UTF_8));

        List<RecordMetadata> badArticleOffsets = new ArrayList<>();
        List<RecordMetadata> badEventOffsets = new ArrayList<>();
        try (LocalPipeline pipeline = PartSettings.pipeline(kafka, config, Duration.ofSeconds(90));
             KafkaProducer<byte[], byte[]> producer = rawProducer(config)) {
            String articles = config.topics().articles().name();
            var articleSerde = config.topics().articles().valueSerde();
            for (int i = 0; i < good.size(); i++) {
                Article a = good.get(i);
                producer.send(new ProducerRecord<>(articles, bytes(a.id()), articleSerde.serializer()
                        .serialize(articles, a))).get();
                if (i % 4 == 1) {
                    byte[] bad = badArticles.get(badArticleOffsets.size() % badArticles.size());
                    badArticleOffsets.add(producer.send(new ProducerRecord<>(articles, bytes("bad-" + i), bad)).get());
                }
            }
            for (byte[] bad : badEvents) {
                badEventOffsets.add(producer.send(new ProducerRecord<>(config.topics().events().name(),
                        bytes("bad-event"), bad)).get());
            }
            StringWriter err = new StringWriter();
            int exit = ParleyCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "ingest",
                    "--bootstrap-server", config.kafka().bootstrapServers(), "--topic-prefix", config.kafka().topicPrefix(),
                    inbox.toString());
            assertThat(exit).as("ingest says some inputs were rejected; stderr: %s", err).isEqualTo(2);

            pipeline.awaitIdle(Duration.ofSeconds(120));
            assertThat(pipeline.processor().state()).isEqualTo(KafkaStreams.State.RUNNING);
            int expectedDead = badArticleOffsets.size() + badEventOffsets.size() + badOrigins.size();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                    TopicContents.readCommitted(config.kafka(), config.topics().deadLetters().name()).size() >= expectedDead);
        }

        List<ConsumerRecord<byte[], byte[]>> dead = TopicContents.readCommitted(config.kafka(),
                config.topics().deadLetters().name());
        String articles = config.topics().articles().name();
        String events = config.topics().events().name();
        List<ConsumerRecord<byte[], byte[]>> fromProcessor = dead.stream()
                .filter(r -> articles.equals(header(r, DeadLetterHeaders.TOPIC))).toList();
        List<ConsumerRecord<byte[], byte[]>> fromSink = dead.stream()
                .filter(r -> events.equals(header(r, DeadLetterHeaders.TOPIC))).toList();
        List<ConsumerRecord<byte[], byte[]>> fromIngest = dead.stream()
                .filter(r -> "ingest".equals(header(r, DeadLetterHeaders.COMPONENT))).toList();
        assertThat(dead).as("dead letters: nothing good among them, nothing bad missing")
                .hasSize(fromProcessor.size() + fromSink.size() + fromIngest.size());

        assertWhereFrom(fromProcessor, badArticleOffsets, badArticles);
        assertWhereFrom(fromSink, badEventOffsets, badEvents);
        assertThat(fromSink).allSatisfy(r -> assertThat(header(r, DeadLetterHeaders.COMPONENT)).isEqualTo("sink"));
        assertThat(fromIngest).extracting(r -> Path.of(header(r, DeadLetterHeaders.ORIGIN)).getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(badOrigins);

        // Nothing else lost: every good article, from the topic and from the files, has its events on disk.
        Set<String> coded = eventsOnDisk(kafka.outDir()).stream().map(Event::articleId).collect(Collectors.toSet());
        assertThat(coded).containsAll(good.stream().map(Article::id).toList());
        assertThat(coded).hasSize(good.size() + goodFromFiles);
        System.out.printf("DeadLettersEverywhereIT: %d dead letters (processor %d, sink %d, ingest %d); "
                        + "%d good articles all coded%n", dead.size(), fromProcessor.size(), fromSink.size(),
                fromIngest.size(), coded.size());
    }

    /** Each bad record is dead-lettered once, with its original bytes and the partition and offset it had. */
    private static void assertWhereFrom(List<ConsumerRecord<byte[], byte[]>> dead, List<RecordMetadata> sent,
                                        List<byte[]> badValues) {
        assertThat(dead).hasSize(sent.size());
        Set<String> expected = sent.stream().map(m -> m.partition() + "@" + m.offset()).collect(Collectors.toSet());
        assertThat(dead).extracting(r -> header(r, DeadLetterHeaders.PARTITION) + "@"
                + header(r, DeadLetterHeaders.OFFSET)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r, DeadLetterHeaders.EXCEPTION)).as("exception header").isNotBlank();
            assertThat(header(r, DeadLetterHeaders.MESSAGE)).as("message header").isNotBlank();
            assertThat(badValues).as("the original value, byte for byte")
                    .anySatisfy(v -> assertThat(r.value()).isEqualTo(v));
        });
    }

    private static List<Event> eventsOnDisk(Path out) throws Exception {
        List<Event> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(p -> p.getFileName().toString().matches("events.*\\.jsonl")).toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                all.add(Json.mapper().readValue(line, Event.class));
            }
        }
        return all;
    }

    private static KafkaProducer<byte[], byte[]> rawProducer(ProcessorSettings config) {
        Properties p = config.kafkaProperties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
