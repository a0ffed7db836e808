package org.parley.processor.stance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.contracts.Topic;
import org.parley.contracts.Topics;
import org.parley.processor.faults.PoisonGuard;
import org.parley.processor.faults.StreamFaults;

/** The stance part of the topology: distinct events per dyad, dyad and country aggregates, daily windows. */
public final class StanceTopology {
    public static final String DISTINCT_EVENTS_STORE = "distinct-events";
    public static final String DYAD_STANCE_STORE = "dyad-stance";
    public static final String COUNTRY_STANCE_STORE = "country-stance";
    /** Keyed {@code SRC->TGT@YYYY-MM-DD}; the window store {@code dyad-daily} it replaces was order-dependent. */
    public static final String DAILY_STANCE_STORE = "dyad-days";
    public static final String EVENTS_BY_DYAD = "events-by-dyad";
    public static final String CONTRIBUTIONS_BY_COUNTRY = "contributions-by-country";

    private StanceTopology() {
    }

    /** @param faults where the guards after each repartition topic note their records and find condemned ones */
    public static void add(StreamsBuilder builder, KStream<String, List<Event>> codedArticles, Topics topics,
                           StanceSettings s, StreamFaults faults) {
        Serde<String> keys = Serdes.String();
        // Stores and repartition topics are internal: binary (see CompactSerde). Public topics stay JSON.
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
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAILY_STANCE_STORE),
                keys, dyadSerde).withCachingEnabled());

        DyadAggregator dyads = new DyadAggregator(s);
        CountryAggregator countries = new CountryAggregator(s);
        DailyAggregator daily = new DailyAggregator(s.lastEventIds());

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

        // Daily values from a key-value store keyed dyad@day, not a suppressed window: no grace and no buffer, so
        // the values published do not depend on processing order (see DailyStanceProcessor).
        Topic<String, DyadStance> dailyTopic = topics.dailyStance();
        changes.process(() -> new DailyStanceProcessor(DAILY_STANCE_STORE, daily), Named.as("aggregate-daily"),
                        DAILY_STANCE_STORE)
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
}
