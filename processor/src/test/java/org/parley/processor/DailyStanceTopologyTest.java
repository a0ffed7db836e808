package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.DyadStance;
import org.parley.contracts.Topics;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.stance.DyadDay;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.stance.StanceTopology;

/**
 * Daily values over the real topology (TopologyTestDriver, real coder): the same articles in any order, with
 * the wall clock moved in between, give the same daily values; a late report counts in its day however late.
 */
class DailyStanceTopologyTest {
    private static final EventCoder CODER = EventCoder.withDefaultDictionaries();
    /** Two ids a day, so that which ids a day keeps is exercised too. */
    private static final StanceSettings SETTINGS = new StanceSettings(Duration.ofDays(7), 2);

    @TempDir
    Path stateDir;

    private final Topics topics = new Topics("t");

    /** A driver on the real topology, its input topic and its daily output. */
    private record Run(TopologyTestDriver driver, TestInputTopic<String, Article> articles,
                       TestOutputTopic<String, DyadStance> daily) implements AutoCloseable {
        void send(Article a) {
            articles.pipeInput(new TestRecord<>(a.id(), a, a.ingestedAt()));
        }

        /** The last value published for each dyad@day, as a compacted topic or the sink would keep it. */
        Map<String, DyadStance> published() {
            return new TreeMap<>(daily.readKeyValuesToMap());
        }

        Map<String, DyadStance> stored() {
            KeyValueStore<String, DyadDay> store = driver.getKeyValueStore(StanceTopology.DAILY_STANCE_STORE);
            Map<String, DyadStance> all = new TreeMap<>();
            try (KeyValueIterator<String, DyadDay> it = store.all()) {
                it.forEachRemaining(kv -> all.put(kv.key, kv.value.stance()));
            }
            return all;
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    private Run start(String name) {
        ProcessorSettings config = ProcessorSettings.defaults().withTopicPrefix("t").withApplicationId("daily-" + name)
                .withStateDir(stateDir.resolve(name)).withBootstrapServers("unused:9092");
        TopologyTestDriver driver = new TopologyTestDriver(
                ParleyTopology.buildTopology(topics, CODER, SETTINGS, PipelineMetrics.NONE),
                StreamsSettings.of(config, null));
        return new Run(driver, driver.createInputTopic(topics.articles().name(),
                topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer()),
                driver.createOutputTopic(topics.dailyStance().name(), topics.dailyStance().keySerde().deserializer(),
                        topics.dailyStance().valueSerde().deserializer()));
    }

    private static Article article(String id, String text, String date) {
        return new Article(id, null, text, LocalDate.parse(date), Article.DateSource.METADATA, null, null, null,
                null, id, Instant.parse(date + "T12:00:00Z"));
    }

    /**
     * Articles spread over months, several about the same happenings (the same dyad, day and code from different
     * articles, so that which mention is "first" depends on the order), reports weeks after the day they tell
     * of, and Goldstein scores whose double sum depends on the order of adding.
     */
    private static List<Article> corpus() {
        List<Article> list = new ArrayList<>();
        String[] places = {"Istanbul", "Geneva", "Vienna", "Riyadh"};
        for (int i = 0; i < 12; i++) {
            String date = LocalDate.of(2025, 2, 1).plusDays(i * 9L).toString();
            list.add(article("talks" + i, "Russia and the United States held talks in " + places[i % 4] + ".", date));
            list.add(article("copy" + i, "Russia and the United States held talks in " + places[i % 4]
                    + " on Monday.", date));
            list.add(article("blame" + i, "Russia criticised the United States. France accused Germany.", date));
        }
        // Reports long after the day: past a week's grace, and past the 400 days the window store kept.
        list.add(article("late1", "On February 10, Russia criticised the United States.", "2025-03-30"));
        list.add(article("late2", "Russia accused the United States.", "2025-02-01"));
        list.add(article("late3", "On March 5, France praised Germany.", "2025-04-20"));
        return list;
    }

    @Test
    void theSameArticlesInAnyOrderGiveTheSameDailyValues() {
        List<Article> inOrder = corpus();
        List<Article> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        List<Article> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(8));

        Map<String, DyadStance> publishedFirst;
        Map<String, DyadStance> storedFirst;
        try (Run run = start("in-order")) {
            inOrder.forEach(run::send);
            publishedFirst = run.published();
            storedFirst = run.stored();
        }
        assertThat(publishedFirst).hasSizeGreaterThan(20);
        assertThat(publishedFirst).isEqualTo(storedFirst);

        for (List<Article> order : List.of(reversed, shuffled)) {
            try (Run run = start("other-order-" + (order == reversed ? "reversed" : "shuffled"))) {
                int half = order.size() / 2;
                order.subList(0, half).forEach(run::send);
                // Punctuation and anything else that follows the wall clock runs between the two halves.
                run.driver().advanceWallClockTime(Duration.ofDays(3));
                order.subList(half, order.size()).forEach(run::send);
                assertThat(run.published()).isEqualTo(publishedFirst);
                assertThat(run.stored()).isEqualTo(storedFirst);
            }
        }
    }

    @Test
    void aDayKeepsItsSmallestEventIdsAndCountsEachHappeningOnce() {
        try (Run run = start("ids")) {
            run.send(article("t1", "Russia and the United States held talks in Istanbul.", "2025-02-10"));
            run.send(article("t2", "Russia and the United States held talks in Istanbul on Monday.", "2025-02-10"));
            run.send(article("t3", "Russia and the United States held talks in Geneva.", "2025-02-10"));
            DyadStance day = run.published().get("RUS->USA@2025-02-10");
            // Three mentions of one happening (same day, dyad and code): one event, three mentions.
            assertThat(day.events()).isEqualTo(1);
            assertThat(day.mentions()).isEqualTo(3);
            assertThat(day.lastEventIds()).hasSize(2).isSorted();
            assertThat(day.updatedAt()).as("the day, not the wall clock").isEqualTo(Instant.parse("2025-02-10T00:00:00Z"));
            assertThat(day.stance()).isEqualTo(day.goldsteinSum());
        }
    }

    /**
     * What used to be the grace, in stream time (the latest event day read) past the day's start: 0 days; 7
     * (inside the old week of grace); 8, exactly the end of the day plus the old default grace, where the
     * suppressed window closed and dropped the event; and 401, past the 400 days the window store kept. Every
     * one now counts in its day.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 7, 8, 401})
    void aLateReportCountsInItsDayHoweverLate(int daysLate) {
        LocalDate day = LocalDate.of(2025, 2, 10);
        try (Run run = start("late-" + daysLate)) {
            run.send(article("new", "Russia and the United States held talks in Vienna.",
                    day.plusDays(daysLate).toString()));
            run.send(article("late", "Russia criticised the United States.", day.toString()));
            Map<String, DyadStance> published = run.published();
            assertThat(published).as("published %s", published.keySet()).containsKey("RUS->USA@" + day);
            assertThat(published.get("RUS->USA@" + day).rootCounts()).containsKey("11");
        }
    }

    @Test
    void theDailySeriesOfADyadIsOneRangeOfTheStore() {
        try (Run run = start("range")) {
            run.send(article("a", "Russia criticised the United States.", "2025-02-10"));
            run.send(article("b", "Russia criticised the United States.", "2025-02-12"));
            run.send(article("c", "Russia criticised France.", "2025-02-11"));
            KeyValueStore<String, DyadDay> store = run.driver().getKeyValueStore(
                    StanceTopology.DAILY_STANCE_STORE);
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, DyadDay> it = store.range("RUS->USA@2025-02-01", "RUS->USA@2025-02-28")) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
            assertThat(keys).containsExactly("RUS->USA@2025-02-10", "RUS->USA@2025-02-12");
        }
    }
}
