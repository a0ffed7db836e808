package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Event;
import org.parley.contracts.Topics;
import org.parley.processor.events.RecentEvents;
import org.parley.processor.faults.StreamFaults;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.stance.StanceSettings;

/** The limits and the poison guard in the real topology, over TopologyTestDriver. */
class PoisonTopologyTest {
    private static final EventCoder CODER = EventCoder.withDefaultDictionaries();
    private static final String NORMAL = "Russia and the United States held talks in Istanbul.";

    @TempDir
    Path stateDir;

    private final Topics topics = new Topics("t");
    private final StreamFaults faults = new StreamFaults();
    private final Counting metrics = new Counting();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, Event> events;

    private void start(ProcessorLimits limits) {
        ProcessorSettings config = ProcessorSettings.defaults().withTopicPrefix("t").withApplicationId("poison-test")
                .withStateDir(stateDir).withBootstrapServers("unused:9092");
        var props = StreamsSettings.of(config, null, limits, faults);
        props.put(org.parley.processor.metrics.PipelineMetrics.CONFIG, metrics);
        driver = new TopologyTestDriver(ParleyTopology.buildTopology(topics, CODER, StanceSettings.defaults(),
                metrics, List.of(), limits, faults), props);
        articles = driver.createInputTopic(topics.articles().name(), topics.articles().keySerde().serializer(),
                topics.articles().valueSerde().serializer());
        events = driver.createOutputTopic(topics.events().name(), topics.events().keySerde().deserializer(),
                topics.events().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(String id, String text) {
        Article a = new Article(id, null, text, LocalDate.parse("2025-03-10"), Article.DateSource.METADATA, null,
                null, null, null, id, Instant.parse("2025-03-10T12:00:00Z"));
        articles.pipeInput(new TestRecord<>(id, a, a.ingestedAt()));
    }

    private static String huge() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 13_300; i++) {
            sb.append("Norway criticized Georgia over pipeline dispute number ").append(i)
                    .append(" on March 10, 2025. ");
        }
        return sb.toString();
    }

    @Test
    void aHugeArticleIsCodedWithinTheLimitsAndNoStoredValueExceedsTheBound() {
        ProcessorLimits limits = new ProcessorLimits(50, 20, 4096, 1);
        start(limits);
        send("huge", huge());
        send("after", NORMAL);

        List<Event> out = events.readValuesToList();
        List<Event> fromHuge = out.stream().filter(e -> e.articleId().equals("huge")).toList();
        assertThat(fromHuge).hasSize(20);
        assertThat(fromHuge).allSatisfy(e -> assertThat(e.sentenceIndex()).isLessThan(50));
        assertThat(out).extracting(Event::articleId).contains("after");
        assertThat(metrics.limited).isEqualTo(1);

        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(RecentEvents.STORE);
        List<KeyValue<String, byte[]>> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(entries::add);
        }
        assertThat(entries).allSatisfy(kv -> assertThat(kv.value.length).isLessThanOrEqualTo(4096));
        byte[] norway = store.get(RecentEvents.key(0));
        assertThat(RecentEvents.decode(norway)).as("the entry keeps the first events that fit")
                .hasSizeBetween(1, 19).allSatisfy(e -> assertThat(e.articleId()).isEqualTo("huge"));
        assertThat(metrics.trimmed).isPositive();
    }

    @Test
    void aCondemnedArticleIsDeadLetteredWithItsReasonAndTheNextOneFlows() {
        start(ProcessorLimits.defaults());
        faults.condemn(new StreamFaults.Position(topics.articles().name(), 0, 1), "it killed the thread twice");
        send("first", NORMAL);
        send("condemned", "Poland imposed sanctions on Iran.");
        send("third", "Japan praised India for its leadership.");

        // TopologyTestDriver does not route handler dead letters; the handler's count shows it ran.
        assertThat(events.readValuesToList()).extracting(Event::articleId).doesNotContain("condemned")
                .contains("first", "third");
        assertThat(metrics.processingDeadLetters).isEqualTo(1);
    }

    /** Counts what the topology and the handlers report. */
    private static final class Counting implements PipelineMetrics {
        int limited;
        int trimmed;
        int processingDeadLetters;

        @Override
        public void articleCoded(int sentences, int events) {
        }

        @Override
        public void articleLimited() {
            limited++;
        }

        @Override
        public void valueTrimmed() {
            trimmed++;
        }

        @Override
        public void deadLetter(String stage) {
            if (stage.equals("processing")) {
                processingDeadLetters++;
            }
        }
    }
}
