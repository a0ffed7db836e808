package org.parley.processor.stance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.common.Topic;
import org.parley.common.Topics;
import org.parley.processor.faults.PoisonGuard;
import org.parley.processor.faults.StreamFaults;

/** The stance part of the topology: distinct events per dyad, dyad and country aggregates, daily windows. */
public final class StanceTopology {
    public static final String DISTINCT_EVENTS_STORE = "distinct-events";
    public static final String DYAD_STANCE_STORE = "dyad-stance";
    public static final String COUNTRY_STANCE_STORE = "country-stance";
    public static final String DAILY_STANCE_STORE = "dyad-daily";
    public static final String EVENTS_BY_DYAD = "events-by-dyad";
    /** How long the daily store keeps each day for {@code GET /api/stance/daily} (in stream time). */
    public static final java.time.Duration DAILY_RETENTION = java.time.Duration.ofDays(400);
    public static final String CONTRIBUTIONS_BY_COUNTRY = "contributions-by-country";

    private StanceTopology() {
    }

    /** @param faults where the guards after each repartition topic note their records and find condemned ones */
    public static void add(StreamsBuilder builder, KStream<String, List<Event>> codedArticles, Topics topics,
                           StanceSettings s, StreamFaults faults) {
        Serde<String> keys = Serdes.String();
        // Stores and repartition topics are internal: binary (see CompactSerde). Public topics stay JSON.
        Serde<StanceEvent> eventSerde = StanceSerdes.stanceEvent();
        Serde<DyadStance> dyadSerde = StanceSerdes.dyadStance();

        // With the record cache a key changed many times between two commits reaches RocksDB and its changelog
        // once per commit. Nothing is forwarded from the cache: the processors forward what they compute. Not for
        // distinct events: a happening is rarely mentioned twice within one commit, so caching them only cost
        // lookups (9 % of the stream thread in a profile) and pushed the rows that do repeat out of the cache.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DISTINCT_EVENTS_STORE),
                keys, StanceSerdes.distinctEvent()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DYAD_STANCE_STORE),
                keys, dyadSerde).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTRY_STANCE_STORE),
                keys, StanceSerdes.countryState()).withCachingEnabled());

        DyadAggregator dyads = new DyadAggregator(s);
        CountryAggregator countries = new CountryAggregator(s);

        // Stance needs both sides, each a known actor: events without a target, or with an actor of unknown
        // country ("police"), stay on the events topic only. One record per article and dyad: the dyad's state is
        // read, written and published once per article.
        KStream<String, StanceChange> changes = codedArticles
                .flatMap((articleId, events) -> byDyad(events), Named.as("key-by-dyad"))
                .repartition(Repartitioned.<String, List<StanceEvent>>as(EVENTS_BY_DYAD).withKeySerde(keys)
                        .withValueSerde(StanceSerdes.stanceEvents()))
                .processValues(() -> new PoisonGuard<>(faults), Named.as("guard-events-by-dyad"))
                .processValues(() -> new DyadStanceProcessor(DISTINCT_EVENTS_STORE, DYAD_STANCE_STORE, dyads),
                        Named.as("aggregate-dyads"), DISTINCT_EVENTS_STORE, DYAD_STANCE_STORE);

        Topic<String, DyadStance> dyadTopic = topics.dyadStance();
        changes.mapValues(StanceChange::dyad, Named.as("dyad-stance-values"))
                .to(dyadTopic.name(), Produced.with(dyadTopic.keySerde(), dyadTopic.valueSerde())
                        .withName("dyad-stance-sink"));

        Topic<String, CountryStance> countryTopic = topics.countryStance();
        changes
                .flatMap((dyad, c) -> contributions(c.newEvents()), Named.as("split-by-country"))
                .repartition(Repartitioned.<String, List<CountryAggregator.Contribution>>as(CONTRIBUTIONS_BY_COUNTRY)
                        .withKeySerde(keys).withValueSerde(StanceSerdes.contributions()))
                .processValues(() -> new PoisonGuard<>(faults), Named.as("guard-contributions"))
                .process(() -> new CountryStanceProcessor(COUNTRY_STANCE_STORE, countries),
                        Named.as("aggregate-countries"), COUNTRY_STANCE_STORE)
                .to(countryTopic.name(), Produced.with(countryTopic.keySerde(), countryTopic.valueSerde())
                        .withName("country-stance-sink"));

        KStream<String, StanceEvent> distinct = changes.flatMapValues(StanceChange::newEvents,
                Named.as("distinct-events"));

        Topic<String, DyadStance> dailyTopic = topics.dailyStance();
        distinct
                .processValues(EventTimeStamper::new, Named.as("stamp-event-time"))
                .groupByKey(Grouped.<String, StanceEvent>as("daily-by-dyad").withKeySerde(keys)
                        .withValueSerde(eventSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(java.time.Duration.ofDays(1), s.dailyGrace()))
                .aggregate(() -> DyadAggregator.empty(null, null),
                        (dyad, e, agg) -> dyads.add(agg.source() == null
                                ? DyadAggregator.empty(e.source(), e.target()) : agg, e, Instant.now()),
                        Named.as("aggregate-daily"),
                        Materialized.<String, DyadStance, WindowStore<Bytes, byte[]>>as(DAILY_STANCE_STORE)
                                .withKeySerde(keys).withValueSerde(dyadSerde).withRetention(DAILY_RETENTION))
                .suppress(Suppressed.<org.apache.kafka.streams.kstream.Windowed<String>>untilWindowCloses(
                        Suppressed.BufferConfig.unbounded()).withName("daily-until-closed"))
                .toStream(Named.as("daily-stream"))
                .map((window, v) -> KeyValue.pair(window.key() + "@"
                        + LocalDate.ofInstant(window.window().startTime(), ZoneOffset.UTC), v), Named.as("key-daily"))
                .to(dailyTopic.name(), Produced.with(dailyTopic.keySerde(), dailyTopic.valueSerde())
                        .withName("daily-stance-sink"));
    }

    /** An article's events with a known dyad, one list per dyad, in article order. */
    static List<KeyValue<String, List<StanceEvent>>> byDyad(List<Event> events) {
        Map<String, List<StanceEvent>> byDyad = new LinkedHashMap<>();
        for (Event e : events) {
            if (e.target() != null && e.source().isIdentified() && e.target().isIdentified()) {
                byDyad.computeIfAbsent(e.dyadKey(), k -> new ArrayList<>()).add(StanceEvent.of(e));
            }
        }
        List<KeyValue<String, List<StanceEvent>>> out = new ArrayList<>(byDyad.size());
        byDyad.forEach((dyad, list) -> out.add(KeyValue.pair(dyad, list)));
        return out;
    }

    /** New distinct events of one dyad as its two countries see them: one record per country, none if none. */
    static List<KeyValue<String, List<CountryAggregator.Contribution>>> contributions(List<StanceEvent> newEvents) {
        if (newEvents.isEmpty()) {
            return List.of();
        }
        List<CountryAggregator.Contribution> asSource = new ArrayList<>(newEvents.size());
        List<CountryAggregator.Contribution> asTarget = new ArrayList<>(newEvents.size());
        for (StanceEvent e : newEvents) {
            Instant t = DyadAggregator.eventTime(e);
            asSource.add(new CountryAggregator.Contribution(true, e.target(), e.goldstein(), t));
            asTarget.add(new CountryAggregator.Contribution(false, e.source(), e.goldstein(), t));
        }
        StanceEvent first = newEvents.get(0);
        return List.of(KeyValue.pair(first.source(), asSource), KeyValue.pair(first.target(), asTarget));
    }

    /** Sets the record time to the event's day, so daily windows follow event time, not ingest time. */
    private static final class EventTimeStamper implements FixedKeyProcessor<String, StanceEvent, StanceEvent> {
        private static final long FUTURE_TOLERANCE_MS = 60 * 60 * 1000L;
        private FixedKeyProcessorContext<String, StanceEvent> context;

        @Override
        public void init(FixedKeyProcessorContext<String, StanceEvent> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, StanceEvent> record) {
            long eventTime = DyadAggregator.eventTime(record.value()).toEpochMilli();
            // A record stamped in the future is refused by the broker (message.timestamp.after.max.ms, an hour
            // by default), which would fail the task again and again. A day that has not begun has no daily
            // window yet: such an event counts in the all-time aggregates only.
            if (eventTime > System.currentTimeMillis() + FUTURE_TOLERANCE_MS) {
                return;
            }
            context.forward(record.withTimestamp(eventTime));
        }
    }
}
