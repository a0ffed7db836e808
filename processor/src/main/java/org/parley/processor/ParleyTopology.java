package org.parley.processor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Event;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.Topic;
import org.parley.contracts.Topics;
import org.parley.processor.coding.ArticleDeduplicator;
import org.parley.processor.coding.LimitedCoder;
import org.parley.processor.events.EventHeaderStamper;
import org.parley.processor.events.RecentEvents;
import org.parley.processor.events.RecentEventsProcessor;
import org.parley.processor.faults.PoisonGuard;
import org.parley.processor.faults.StreamFaults;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.stance.StanceTopology;
import org.parley.processor.subscribe.DerivedTopic;

/**
 * The processor's one topology: articles in, coded events and stance aggregates out. The coding and the
 * aggregation are plain Java ({@link EventCoder} and the stance aggregators); this class
 * only wires them to topics and named stores. {@code main} and the tests both build it here.
 */
public final class ParleyTopology {
    public static final String ARTICLE_IDS_STORE = "article-ids";

    private ParleyTopology() {
    }

    public static Topology buildTopology(Topics topics, EventCoder coder, StanceSettings stance,
                                         PipelineMetrics metrics) {
        return buildTopology(topics, coder, stance, metrics, List.of());
    }

    /** With the default limits, and faults of its own (a test that does not look at them). */
    public static Topology buildTopology(Topics topics, EventCoder coder, StanceSettings stance,
                                         PipelineMetrics metrics, List<DerivedTopic> derived) {
        return buildTopology(topics, coder, stance, metrics, derived, ProcessorLimits.defaults(), new StreamFaults());
    }

    /** On the system clock. */
    public static Topology buildTopology(Topics topics, EventCoder coder, StanceSettings stance,
                                         PipelineMetrics metrics, List<DerivedTopic> derived, ProcessorLimits limits,
                                         StreamFaults faults) {
        return buildTopology(topics, coder, stance, metrics, derived, limits, faults, Clock.systemUTC(),
                KafkaSettings.defaults().partitions());
    }

    /**
     * @param derived user-declared topics that receive copies of the matching event records
     * @param limits  what one article may produce
     * @param faults  the same instance the exception handlers get (see {@link StreamsSettings})
     * @param clock   the processing time the topology stamps values with (a test's own clock under
     *                TopologyTestDriver); schedules run on Kafka Streams' wall clock
     * @param partitions partitions of the stance stores: the configured partition count, which the interactive
     *                queries expect ({@code KafkaSettings.partitions()})
     */
    public static Topology buildTopology(Topics topics, EventCoder coder, StanceSettings stance,
                                         PipelineMetrics metrics, List<DerivedTopic> derived, ProcessorLimits limits,
                                         StreamFaults faults, Clock clock, int partitions) {
        LimitedCoder limited = new LimitedCoder(coder, limits.maxSentences(), limits.maxEvents(), metrics);
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, Article> articlesTopic = topics.articles();
        Topic<String, Event> eventsTopic = topics.events();

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ARTICLE_IDS_STORE), Serdes.String(), Serdes.Long()));

        KStream<String, List<Event>> coded = builder
                .stream(articlesTopic.name(), Consumed.with(articlesTopic.keySerde(), articlesTopic.valueSerde())
                        .withName("articles-source"))
                .processValues(() -> new PoisonGuard<>(faults), Named.as("guard-articles"))
                .processValues(() -> new ArticleDeduplicator(ARTICLE_IDS_STORE), Named.as("dedupe-articles"),
                        ARTICLE_IDS_STORE)
                .mapValues(limited::code, Named.as("code-articles"));
        // The events topic and the recent-events store are fed per article, each event serialised once.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RecentEvents.STORE), Serdes.String(), Serdes.ByteArray()));
        coded.process(() -> new RecentEventsProcessor(RecentEvents.ARTICLES_PER_PARTITION,
                        eventsTopic.valueSerde().serializer(), limits.maxValueBytes(), metrics),
                        Named.as("file-recent-events"), RecentEvents.STORE)
                .to(eventsTopic.name(), Produced.with(eventsTopic.keySerde(), Serdes.ByteArray())
                        .withName("events-sink"));

        if (!derived.isEmpty()) {
            KStream<String, Event> events = coded.flatMap((articleId, list) -> {
                List<KeyValue<String, Event>> out = new ArrayList<>(list.size());
                for (Event e : list) {
                    out.add(KeyValue.pair(e.id(), e));
                }
                return out;
            }, Named.as("article-events"));
            KStream<String, Event> withHeaders = events.processValues(EventHeaderStamper::new,
                    Named.as("add-event-headers"));
            for (DerivedTopic t : derived) {
                withHeaders.filter((id, e) -> t.filter().matches(e), Named.as("derived-" + t.name() + "-filter"))
                        .to(t.name(), Produced.with(eventsTopic.keySerde(), eventsTopic.valueSerde())
                                .withName("derived-" + t.name() + "-sink"));
            }
        }

        StanceTopology.add(builder, coded, topics, stance, faults, clock, partitions);
        return builder.build();
    }
}
