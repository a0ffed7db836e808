package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.common.ParleyConfig;
import org.parley.common.Topics;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.stance.StanceSettings;

/** The real topology, driven by TopologyTestDriver with the real coder. */
class ParleyTopologyTest {
    private static final EventCoder CODER = EventCoder.withDefaultDictionaries();

    @TempDir
    Path stateDir;

    private final Topics topics = new Topics("t");
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, Event> events;
    private TestOutputTopic<String, DyadStance> dyads;
    private TestOutputTopic<String, CountryStance> countries;
    private TestOutputTopic<String, DyadStance> daily;

    @BeforeEach
    void setUp() {
        ParleyConfig config = ParleyConfig.defaults().withTopicPrefix("t").withApplicationId("topology-test")
                .withStateDir(stateDir).withBootstrapServers("unused:9092");
        Properties props = StreamsSettings.of(config, null);
        driver = new TopologyTestDriver(
                ParleyTopology.buildTopology(topics, CODER, StanceSettings.defaults(), PipelineMetrics.NONE), props);
        articles = driver.createInputTopic(topics.articles().name(), topics.articles().keySerde().serializer(),
                topics.articles().valueSerde().serializer());
        events = driver.createOutputTopic(topics.events().name(), topics.events().keySerde().deserializer(),
                topics.events().valueSerde().deserializer());
        dyads = driver.createOutputTopic(topics.dyadStance().name(), topics.dyadStance().keySerde().deserializer(),
                topics.dyadStance().valueSerde().deserializer());
        countries = driver.createOutputTopic(topics.countryStance().name(),
                topics.countryStance().keySerde().deserializer(), topics.countryStance().valueSerde().deserializer());
        daily = driver.createOutputTopic(topics.dailyStance().name(), topics.dailyStance().keySerde().deserializer(),
                topics.dailyStance().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static Article article(String id, String text, String date) {
        return new Article(id, null, text, LocalDate.parse(date), Article.DateSource.METADATA, null, null, null,
                null, id, Instant.parse(date + "T12:00:00Z"));
    }

    private void send(Article a) {
        articles.pipeInput(new TestRecord<>(a.id(), a, a.ingestedAt()));
    }

    @Test
    void codesEventsKeyedByIdWithTheirSentence() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));

        List<KeyValue<String, Event>> out = events.readKeyValuesToList();
        assertThat(out).isNotEmpty();
        assertThat(out).allSatisfy(kv -> {
            assertThat(kv.key).isEqualTo(kv.value.id());
            assertThat(kv.value.articleId()).isEqualTo("a1");
            assertThat(kv.value.sentence()).contains("held talks");
        });
        assertThat(out).extracting(kv -> kv.value.dyadKey() + " " + kv.value.root())
                .contains("RUS->USA 04", "USA->RUS 04");
    }

    @Test
    void reIngestingTheSameArticleChangesNothing() {
        Article a = article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28");
        send(a);
        int firstEvents = events.readKeyValuesToList().size();
        int firstDyads = dyads.readKeyValuesToList().size();
        assertThat(firstEvents).isPositive();
        assertThat(firstDyads).isPositive();

        send(a);
        assertThat(events.isEmpty()).isTrue();
        assertThat(dyads.isEmpty()).isTrue();
    }

    @Test
    void oneHappeningInTwoArticlesCountsOnceWithTwoMentions() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        send(article("a2", "Russia and the United States held talks in Istanbul again.", "2025-02-28"));

        Map<String, DyadStance> latest = dyads.readKeyValuesToMap();
        DyadStance rusUsa = latest.get("RUS->USA");
        assertThat(rusUsa).isNotNull();
        assertThat(rusUsa.mentions()).isGreaterThan(rusUsa.events());
        assertThat(rusUsa.rootCounts().get("04")).isEqualTo(rusUsa.events());

        DyadStance fromStore = driver.<String, DyadStance>getKeyValueStore("dyad-stance").get("RUS->USA");
        assertThat(fromStore).isEqualTo(rusUsa);
    }

    @Test
    void countryRowsCarryBothDirectionsAndTheNetTowardsEachCounterpart() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));

        Map<String, CountryStance> latest = countries.readKeyValuesToMap();
        CountryStance rus = latest.get("RUS");
        assertThat(rus).isNotNull();
        assertThat(rus.asSource().events()).isPositive();
        assertThat(rus.asTarget().events()).isPositive();
        assertThat(rus.net()).containsKey("USA");
        assertThat(rus.net().get("USA")).isPositive();
    }

    @Test
    void dailyWindowsAreEmittedOnlyOnceTheDayAndItsGraceHavePassed() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-10"));
        assertThat(daily.isEmpty()).isTrue();

        // Stream time moves with event dates; a later event closes the earlier day after the one-day grace.
        send(article("a2", "Russia and the United States held talks in Riyadh.", "2025-02-13"));
        Map<String, DyadStance> closed = daily.readKeyValuesToMap();
        assertThat(closed).containsKey("RUS->USA@2025-02-10");
        assertThat(closed.keySet()).noneMatch(k -> k.endsWith("@2025-02-13"));
    }

    @Test
    void anUnreadableArticleIsSkippedAndTheRestFlow() {
        // The dead-letter record itself is checked over a real broker in ProcessorIT: TopologyTestDriver
        // does not route handler dead letters.
        var raw = driver.createInputTopic(topics.articles().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        raw.pipeInput("bad".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8));
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        assertThat(events.readValuesToList()).extracting(Event::articleId).containsOnly("a1");
    }
}
