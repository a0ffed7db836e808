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
import org.apache.kafka.streams.state.KeyValueStore;
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
import org.parley.contracts.EventHeaders;
import org.parley.contracts.Topics;
import org.parley.processor.events.RecentEvents;
import org.parley.processor.faults.StreamFaults;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.stance.DyadDay;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.stance.StanceTopology;
import org.parley.processor.subscribe.DerivedTopic;

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
        ProcessorSettings config = ProcessorSettings.defaults().withTopicPrefix("t").withApplicationId("topology-test")
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
        publishDyads();
        int firstDyads = dyads.readKeyValuesToList().size();
        assertThat(firstEvents).isPositive();
        assertThat(firstDyads).isPositive();

        send(a);
        assertThat(events.isEmpty()).isTrue();
        publishDyads();
        assertThat(dyads.isEmpty()).isTrue();
    }

    @Test
    void aNewVersionOfAnArticleIsCodedAndItsUnchangedEventsAreNotCountedTwice() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        List<KeyValue<String, Event>> first = events.readKeyValuesToList();
        publishDyads();
        DyadStance before = dyads.readKeyValuesToMap().get("RUS->USA");

        // the file grew: ingest sends it again under its first id (docs/ingest.md)
        send(article("a1", "Russia and the United States held talks in Istanbul. Norway criticized Georgia.",
                "2025-02-28"));
        List<KeyValue<String, Event>> second = events.readKeyValuesToList();
        assertThat(second).extracting(kv -> kv.value.dyadKey()).contains("NOR->GEO");
        // an event both versions have keeps its id, so subscribers and the sink see it once
        assertThat(second).extracting(kv -> kv.key).containsAll(first.stream().map(kv -> kv.key).toList());
        DyadStance after = driver.<String, DyadStance>getKeyValueStore("dyad-stance").get("RUS->USA");
        assertThat(after.events()).isEqualTo(before.events());
        assertThat(after.goldsteinSum()).isEqualTo(before.goldsteinSum());

        send(article("a1", "Russia and the United States held talks in Istanbul. Norway criticized Georgia.",
                "2025-02-28"));
        assertThat(events.isEmpty()).as("the same version again changes nothing").isTrue();
    }

    @Test
    void oneHappeningInTwoArticlesCountsOnceWithTwoMentions() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        send(article("a2", "Russia and the United States held talks in Istanbul again.", "2025-02-28"));

        publishDyads();
        Map<String, DyadStance> latest = dyads.readKeyValuesToMap();
        DyadStance rusUsa = latest.get("RUS->USA");
        assertThat(rusUsa).isNotNull();
        assertThat(rusUsa.mentions()).isGreaterThan(rusUsa.events());
        assertThat(rusUsa.rootCounts().get("04")).isEqualTo(rusUsa.events());

        DyadStance fromStore = driver.<String, DyadStance>getKeyValueStore("dyad-stance").get("RUS->USA");
        assertThat(fromStore).isEqualTo(rusUsa);
    }

    @Test
    void aDyadChangedByManyArticlesBetweenTwoPublicationsIsPublishedOnceWithItsLatestValue() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        send(article("a2", "Russia accused the United States of violating the ceasefire.", "2025-03-01"));
        send(article("a3", "Russia criticized the United States over the sanctions.", "2025-03-02"));
        assertThat(dyads.isEmpty()).as("nothing before the schedule").isTrue();
        publishDyads();
        List<TestRecord<String, DyadStance>> published = dyads.readRecordsToList();
        assertThat(published).extracting(TestRecord::key).doesNotHaveDuplicates().contains("RUS->USA");
        DyadStance rusUsa = published.stream().filter(r -> r.key().equals("RUS->USA")).findFirst().orElseThrow()
                .value();
        assertThat(rusUsa).isEqualTo(driver.<String, DyadStance>getKeyValueStore("dyad-stance").get("RUS->USA"));
        assertThat(rusUsa.rootCounts()).as("the talks and the criticism of all three articles").containsKeys("04", "11");
        assertThat(rusUsa.events()).isEqualTo(3);

        publishDyads();
        assertThat(dyads.isEmpty()).as("nothing changed since").isTrue();
    }

    @Test
    void countryRowsCarryBothDirectionsAndTheNetTowardsEachCounterpart() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        // Country rows are published on a wall-clock schedule, not per event.
        assertThat(countries.isEmpty()).isTrue();
        publishCountryRows();

        Map<String, CountryStance> latest = countries.readKeyValuesToMap();
        CountryStance rus = latest.get("RUS");
        assertThat(rus).isNotNull();
        assertThat(rus.asSource().events()).isPositive();
        assertThat(rus.asTarget().events()).isPositive();
        assertThat(rus.net()).containsKey("USA");
        assertThat(rus.net().get("USA")).isPositive();
    }

    /** Dyad values are published every 100 ms of wall-clock time, the latest value of each changed dyad. */
    private void publishDyads() {
        driver.advanceWallClockTime(java.time.Duration.ofMillis(100));
    }

    /**
     * The dyad tasks send each changed country's share once a second, and the country task publishes changed rows
     * every 100 ms of wall-clock time: one step of each.
     */
    private void publishCountryRows() {
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(1));
        driver.advanceWallClockTime(java.time.Duration.ofMillis(100));
    }

    @Test
    void anArticleUpdatesEachOfItsDyadsOnceWithAllItsMentions() {
        send(article("a1", "Russia accused the United States of violating the ceasefire. "
                + "Russia also criticized the United States over the sanctions. "
                + "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        List<Event> coded = events.readValuesToList();
        long rusToUsa = coded.stream().filter(e -> e.dyadKey().equals("RUS->USA")).count();
        assertThat(rusToUsa).as("mentions of RUS->USA in the article").isGreaterThan(1);

        publishDyads();
        List<org.apache.kafka.streams.test.TestRecord<String, DyadStance>> updates = dyads.readRecordsToList();
        assertThat(updates).filteredOn(r -> r.key().equals("RUS->USA")).singleElement()
                .satisfies(r -> assertThat(r.value().mentions()).isEqualTo(rusToUsa));
        assertThat(updates).extracting(org.apache.kafka.streams.test.TestRecord::key).doesNotHaveDuplicates();
    }

    @Test
    void aCountryRowChangedManyTimesIsPublishedOncePerIntervalWithItsLatestValue() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        send(article("a2", "Russia accused the United States of violating the ceasefire.", "2025-03-01"));
        send(article("a3", "France and Russia signed an agreement on energy.", "2025-03-02"));
        publishCountryRows();
        List<org.apache.kafka.streams.test.TestRecord<String, CountryStance>> published = countries.readRecordsToList();
        assertThat(published).extracting(org.apache.kafka.streams.test.TestRecord::key).doesNotHaveDuplicates()
                .contains("RUS", "USA", "FRA");
        Map<String, Long> distinctByCountry = new java.util.HashMap<>();
        for (DyadStance d : dyads.readKeyValuesToMap().values()) {
            distinctByCountry.merge(d.source(), d.events(), Long::sum);
        }
        CountryStance rus = published.stream().filter(r -> r.key().equals("RUS")).findFirst().orElseThrow().value();
        assertThat(rus.asSource().events()).isEqualTo(distinctByCountry.get("RUS"));
        assertThat(rus.net()).containsKeys("USA", "FRA");

        // Nothing changed: nothing more is published.
        publishCountryRows();
        publishCountryRows();
        assertThat(countries.isEmpty()).isTrue();
    }

    @Test
    void eachDailyValueIsPublishedAgainWheneverItsDayChanges() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-10"));
        assertThat(daily.readKeyValuesToMap().get("RUS->USA@2025-02-10").rootCounts()).containsOnlyKeys("04");

        // A report a week later of an event on that day: the day's new value, with both events.
        send(article("a3", "On February 10, Russia criticised the United States.", "2025-02-17"));
        Map<String, DyadStance> changed = daily.readKeyValuesToMap();
        assertThat(changed).containsOnlyKeys("RUS->USA@2025-02-10");
        assertThat(changed.get("RUS->USA@2025-02-10").rootCounts()).containsKeys("04", "11");
        assertThat(changed.get("RUS->USA@2025-02-10").events()).isEqualTo(2);
    }

    @Test
    void eventRecordsCarryFilterHeadersThatAgreeWithTheirValue() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));

        List<TestRecord<String, Event>> out = events.readRecordsToList();
        assertThat(out).isNotEmpty();
        assertThat(out).allSatisfy(r -> {
            Event e = r.value();
            assertThat(header(r, EventHeaders.SOURCE)).isEqualTo(e.source().code());
            assertThat(header(r, EventHeaders.TARGET)).isEqualTo(e.target() == null ? null : e.target().code());
            assertThat(header(r, EventHeaders.ROOT)).isEqualTo(e.root());
            assertThat(header(r, EventHeaders.QUAD_CLASS)).isEqualTo(Integer.toString(e.quadClass()));
            assertThat(r.headers().headers(EventHeaders.SOURCE)).hasSize(1);
        });
        // The stance topics are not event records and get no event headers.
        publishDyads();
        assertThat(dyads.readRecordsToList()).allSatisfy(r ->
                assertThat(r.headers().lastHeader(EventHeaders.SOURCE)).isNull());
    }

    @Test
    void recentEventsAreFiledOnceEachInOneEntryPerArticleWithoutTombstones() {
        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        send(article("a2", "Russia and the United States held talks in Riyadh.", "2025-03-01"));
        List<Event> coded = events.readValuesToList();

        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(RecentEvents.STORE);
        List<String> filed = new java.util.ArrayList<>();
        List<Long> sequences = new java.util.ArrayList<>();
        try (var it = store.all()) {
            while (it.hasNext()) {
                byte[] entry = it.next().value;
                assertThat(RecentEvents.involves(entry, "RUS")).isTrue();
                assertThat(RecentEvents.involves(entry, "USA")).isTrue();
                assertThat(RecentEvents.involves(entry, "CHN")).isFalse();
                sequences.add(RecentEvents.sequenceOf(entry));
                RecentEvents.decode(entry).forEach(e -> filed.add(e.id()));
            }
        }
        assertThat(sequences).as("one entry per article, in arrival order").containsExactly(0L, 1L);
        assertThat(filed).containsExactlyElementsOf(coded.stream().map(Event::id).toList());
        var changelog = driver.createOutputTopic("topology-test-" + RecentEvents.STORE + "-changelog",
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        assertThat(changelog.readKeyValuesToList()).as("one record per article, none a tombstone").hasSize(2)
                .allSatisfy(kv -> assertThat(kv.value).isNotNull());
    }

    @Test
    void derivedTopicsReceiveExactlyTheMatchingEventsWithHeaders() {
        driver.close();
        List<DerivedTopic> derived = DerivedTopic.parseAll("rus-consult=country:RUS,root:04;chn-any=country:CHN");
        driver = new TopologyTestDriver(ParleyTopology.buildTopology(topics, CODER, StanceSettings.defaults(),
                PipelineMetrics.NONE, derived), StreamsSettings.of(ProcessorSettings.defaults().withTopicPrefix("t")
                .withApplicationId("topology-test-derived").withStateDir(stateDir)
                .withBootstrapServers("unused:9092"), null));
        articles = driver.createInputTopic(topics.articles().name(), topics.articles().keySerde().serializer(),
                topics.articles().valueSerde().serializer());
        events = driver.createOutputTopic(topics.events().name(), topics.events().keySerde().deserializer(),
                topics.events().valueSerde().deserializer());
        var rusConsult = driver.createOutputTopic("rus-consult", topics.events().keySerde().deserializer(),
                topics.events().valueSerde().deserializer());
        var chn = driver.createOutputTopic("chn-any", topics.events().keySerde().deserializer(),
                topics.events().valueSerde().deserializer());

        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        List<Event> all = events.readValuesToList();
        List<TestRecord<String, Event>> routed = rusConsult.readRecordsToList();

        List<String> expected = all.stream().filter(e -> "04".equals(e.root()) && ("RUS".equals(e.source().code())
                || (e.target() != null && "RUS".equals(e.target().code())))).map(Event::id).toList();
        assertThat(expected).isNotEmpty();
        assertThat(routed).extracting(TestRecord::key).containsExactlyElementsOf(expected);
        assertThat(routed).allSatisfy(r -> assertThat(header(r, EventHeaders.ROOT)).isEqualTo("04"));
        assertThat(chn.isEmpty()).isTrue();
    }

    @Test
    void dyadValuesAreStampedWithTheTopologysClockAndCountryRowsAddUpTheirDyads() {
        driver.close();
        Instant fixed = Instant.parse("2030-01-02T03:04:05Z");
        driver = new TopologyTestDriver(ParleyTopology.buildTopology(topics, CODER, StanceSettings.defaults(),
                PipelineMetrics.NONE, List.of(), ProcessorLimits.defaults(), new StreamFaults(),
                java.time.Clock.fixed(fixed, java.time.ZoneOffset.UTC), 3), StreamsSettings.of(ProcessorSettings.defaults()
                .withTopicPrefix("t").withApplicationId("topology-test-clock").withStateDir(stateDir)
                .withBootstrapServers("unused:9092"), null));
        articles = driver.createInputTopic(topics.articles().name(), topics.articles().keySerde().serializer(),
                topics.articles().valueSerde().serializer());
        dyads = driver.createOutputTopic(topics.dyadStance().name(), topics.dyadStance().keySerde().deserializer(),
                topics.dyadStance().valueSerde().deserializer());
        countries = driver.createOutputTopic(topics.countryStance().name(),
                topics.countryStance().keySerde().deserializer(), topics.countryStance().valueSerde().deserializer());

        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        send(article("a2", "Russia accused the United States of violating the ceasefire.", "2025-03-01"));
        send(article("a3", "China criticized Russia over the sanctions.", "2025-03-02"));
        publishDyads();
        Map<String, DyadStance> latest = dyads.readKeyValuesToMap();
        assertThat(latest.values()).extracting(DyadStance::updatedAt).containsOnly(fixed);

        publishCountryRows();
        CountryStance rus = countries.readKeyValuesToMap().get("RUS");
        long asSource = 0;
        long asTarget = 0;
        double targetSum = 0;
        for (DyadStance d : latest.values()) {
            asSource += d.source().equals("RUS") ? d.events() : 0;
            asTarget += d.target().equals("RUS") ? d.events() : 0;
            targetSum += d.target().equals("RUS") ? d.goldsteinSum() : 0;
        }
        assertThat(latest).containsKey("CHN->RUS");
        assertThat(rus.asSource().events()).isEqualTo(asSource);
        assertThat(rus.asTarget().events()).isEqualTo(asTarget);
        assertThat(rus.asTarget().goldsteinSum()).isCloseTo(targetSum, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(rus.net()).containsEntry("USA", latest.get("RUS->USA").stance());
    }

    /** docs/stance.md's definition, recomputed independently from the event mentions of the seed article. */
    @Test
    void seedArticleStanceFollowsTheDocumentedFormula() throws Exception {
        Path seed;
        try (var files = java.nio.file.Files.list(Path.of("..", "seeds"))) {
            seed = files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        send(article("seed", java.nio.file.Files.readString(seed), "2025-02-28"));
        List<Event> mentions = events.readValuesToList();
        publishDyads();
        Map<String, DyadStance> out = dyads.readKeyValuesToMap();
        assertThat(out).isNotEmpty();

        Map<String, Map<String, Event>> distinctByDyad = new java.util.TreeMap<>();
        for (Event e : mentions) {
            if (e.target() != null) {
                distinctByDyad.computeIfAbsent(e.dyadKey(), k -> new java.util.LinkedHashMap<>())
                        .putIfAbsent(e.date() + "|" + e.cameo(), e);
            }
        }
        assertThat(out.keySet()).isEqualTo(distinctByDyad.keySet());
        double halfLifeDays = 7.0;
        distinctByDyad.forEach((key, distinct) -> {
            DyadStance d = out.get(key);
            long mentionCount = mentions.stream().filter(e -> e.target() != null && e.dyadKey().equals(key)).count();
            LocalDate last = distinct.values().stream().map(Event::date).max(LocalDate::compareTo).orElseThrow();
            double sum = 0;
            double stance = 0;
            for (Event e : distinct.values()) {
                sum += e.goldstein();
                long ageDays = java.time.temporal.ChronoUnit.DAYS.between(e.date(), last);
                stance += e.goldstein() * Math.pow(2, -ageDays / halfLifeDays);
            }
            assertThat(d.events()).as(key).isEqualTo(distinct.size());
            assertThat(d.mentions()).as(key).isEqualTo(mentionCount);
            assertThat(d.goldsteinSum()).as(key).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(d.stance()).as(key).isCloseTo(stance, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(d.lastEventTime()).as(key).isEqualTo(last.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        });
    }

    private static String header(TestRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aFutureDatedEventCountsInTheAllTimeAggregatesAndInItsDay() {
        String future = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        send(article("f1", "Russia and the United States held talks in Istanbul.", future));
        send(article("f2", "Russia and the United States held talks in Geneva.", LocalDate.now(java.time.ZoneOffset.UTC)
                .plusDays(60).toString()));

        publishDyads();
        assertThat(dyads.readKeyValuesToMap().get("RUS->USA").events()).isEqualTo(2);
        // Its day counts it like any other: what a day holds must not depend on when it is processed.
        assertThat(driver.<String, DyadDay>getKeyValueStore(StanceTopology.DAILY_STANCE_STORE)
                .get("RUS->USA@" + future).stance().events())
                .isEqualTo(1);
    }

    @Test
    void anArticleWithoutIdIsRefusedAndCodesNothing() {
        Article noId = new Article(null, null, "Russia and the United States held talks in Istanbul.",
                LocalDate.parse("2025-02-28"), Article.DateSource.METADATA, null, null, null, null, null,
                Instant.parse("2025-02-28T12:00:00Z"));
        articles.pipeInput(new TestRecord<>("k0", noId, noId.ingestedAt()));
        assertThat(events.isEmpty()).isTrue();

        send(article("a1", "Russia and the United States held talks in Istanbul.", "2025-02-28"));
        assertThat(events.readValuesToList()).extracting(Event::articleId).containsOnly("a1");
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
