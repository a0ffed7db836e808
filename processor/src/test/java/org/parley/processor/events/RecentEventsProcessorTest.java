package org.parley.processor.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.LongStream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.Actor;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.common.Span;
import org.parley.processor.metrics.PipelineMetrics;

/** The ring of per-article entries on its own, with a ring small enough to wrap around several times. */
class RecentEventsProcessorTest {
    private static final String APP = "recent-events-test";
    private static final Serializer<Event> JSON = (topic, e) -> {
        try {
            return Json.mapper().writeValueAsBytes(e);
        } catch (JsonProcessingException x) {
            throw new UncheckedIOException(x);
        }
    };

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> articles;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    /** Articles as "id" → "SRC-TGT,SRC-TGT": one event per pair, "-" alone for no target. */
    private void start(int slots, int maxValueBytes) {
        Topology t = new Topology();
        t.addSource("articles", new StringDeserializer(), new StringDeserializer(), "articles");
        t.addProcessor("code", Coder::new, "articles");
        t.addProcessor("file", () -> new RecentEventsProcessor(slots, JSON, maxValueBytes, PipelineMetrics.NONE),
                "code");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RecentEvents.STORE),
                Serdes.String(), Serdes.ByteArray()), "file");
        t.addSink("events", "events", new StringSerializer(), new ByteArraySerializer(), "file");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(t, props);
        articles = driver.createInputTopic("articles", new StringSerializer(), new StringSerializer());
    }

    @Test
    void theRingKeepsTheLatestArticlesAndOverwritesInsteadOfDeleting() {
        start(5, 1 << 20);
        int n = 12;
        for (int i = 0; i < n; i++) {
            articles.pipeInput("a" + i, "RUS-USA,CHN-RUS");
        }
        List<KeyValue<String, byte[]>> entries = entries();
        assertThat(entries).extracting(kv -> kv.key).containsExactly(RecentEvents.key(0), RecentEvents.key(1),
                RecentEvents.key(2), RecentEvents.key(3), RecentEvents.key(4));
        assertThat(entries).extracting(kv -> RecentEvents.sequenceOf(kv.value))
                .containsExactlyInAnyOrderElementsOf(LongStream.range(n - 5, n).boxed().toList());
        List<String> kept = new ArrayList<>();
        entries.forEach(kv -> RecentEvents.decode(kv.value).forEach(e -> kept.add(e.articleId())));
        assertThat(kept).hasSize(10).containsOnly("a7", "a8", "a9", "a10", "a11");
        var changelog = driver.createOutputTopic(APP + "-" + RecentEvents.STORE + "-changelog",
                new StringDeserializer(), new ByteArrayDeserializer()).readKeyValuesToList();
        assertThat(changelog).as("one record per article, none a tombstone").hasSize(n)
                .allSatisfy(kv -> assertThat(kv.value).isNotNull());
    }

    @Test
    void anArticlesEventsShareOneEntryThatListsTheirCountries() {
        start(5, 1 << 20);
        articles.pipeInput("a1", "RUS-USA,CHN-,USA-RUS");
        articles.pipeInput("a2", "");
        List<KeyValue<String, byte[]>> entries = entries();
        assertThat(entries).as("an article without events files nothing").hasSize(1);
        byte[] entry = entries.get(0).value;
        assertThat(RecentEvents.decode(entry)).extracting(Event::id).containsExactly("a1#0", "a1#1", "a1#2");
        assertThat(List.of("RUS", "USA", "CHN")).allSatisfy(c -> assertThat(RecentEvents.involves(entry, c)).isTrue());
        assertThat(RecentEvents.involves(entry, "JPN")).isFalse();
    }

    @Test
    void anEntryKeepsTheFirstEventsThatFitTheValueLimit() {
        start(5, 1_200);
        articles.pipeInput("big", "RUS-USA,CHN-JPN,IND-PAK,FRA-DEU");
        byte[] entry = entries().get(0).value;
        assertThat(entry.length).isLessThanOrEqualTo(1_200);
        List<Event> kept = RecentEvents.decode(entry);
        assertThat(kept).hasSizeBetween(1, 3);
        assertThat(kept.get(0).id()).isEqualTo("big#0");
        assertThat(RecentEvents.involves(entry, "FRA")).as("the countries of the events left out are not listed")
                .isFalse();
    }

    private List<KeyValue<String, byte[]>> entries() {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(RecentEvents.STORE);
        List<KeyValue<String, byte[]>> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Makes the events an article's value names. */
    private static final class Coder implements Processor<String, String, String, List<Event>> {
        private ProcessorContext<String, List<Event>> context;

        @Override
        public void init(ProcessorContext<String, List<Event>> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            List<Event> events = new ArrayList<>();
            for (String pair : record.value().split(",")) {
                if (!pair.isEmpty()) {
                    String[] codes = pair.split("-", -1);
                    events.add(event(record.key(), events.size(), codes[0], codes[1].isEmpty() ? null : codes[1]));
                }
            }
            context.forward(record.withValue(events));
        }

        private static Event event(String article, int i, String source, String target) {
            return new Event(article + "#" + i, article, i, "A sentence of some length about " + source + ".",
                    new Span(0, 1), LocalDate.parse("2025-03-01"), actor(source), target == null ? null : actor(target),
                    "040", "04", 1, 1.0, "CONSULT", null, "test", Instant.EPOCH);
        }

        private static Actor actor(String code) {
            return new Actor(code, Actor.ActorType.STATE, "GOV", code, code);
        }
    }
}
