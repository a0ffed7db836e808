package org.parley.processor.stance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
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

/**
 * The stance part of the topology: one article's mentions of each dyad go to the dyad's task, which counts distinct
 * events and keeps the dyad and daily values (see {@link StanceProcessor}); country rows are merged, in the country's
 * task, from the shares the dyad tasks send.
 */
public final class StanceTopology {
    public static final String DYAD_STANCE_STORE = "dyad-stance";
    public static final String COUNTRY_STANCE_STORE = "country-stance";
    /**
     * Keyed {@code SRC->TGT@YYYY-MM-DD}, a {@link DyadDay} each: the day's value and the codes counted in it. Named
     * apart from {@code dyad-days} (the value alone, with a {@code distinct-events} store beside it), whose values it
     * cannot read.
     */
    public static final String DAILY_STANCE_STORE = "dyad-days-v2";
    public static final String EVENTS_BY_DYAD = "events-by-dyad";
    public static final String COUNTRY_SHARES = "country-shares";

    private StanceTopology() {
    }

    /**
     * @param faults where the guards after each repartition topic note their records and find condemned ones
     * @param clock  the time dyad values are stamped with ({@code updatedAt})
     * @param partitions partitions of the dyad stores (of events-by-dyad), as interactive queries expect them
     */
    public static void add(StreamsBuilder builder, KStream<String, List<Event>> codedArticles, Topics topics,
                           StanceSettings s, StreamFaults faults, Clock clock, int partitions) {
        Serde<String> keys = Serdes.String();
        // Stores and repartition topics are internal: binary (see CompactSerde). Public topics stay JSON.
        // With the record cache a key changed many times between two commits reaches RocksDB and its changelog
        // once per commit. Nothing is forwarded from the cache: the processors forward what they compute.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DYAD_STANCE_STORE),
                keys, StanceSerdes.dyadStance()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAILY_STANCE_STORE),
                keys, StanceSerdes.dyadDay()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTRY_STANCE_STORE),
                keys, StanceSerdes.countryState()).withCachingEnabled());

        // Stance needs both sides, each a known actor: events without a target, or with an actor of unknown
        // country ("police"), stay on the events topic only. One record per article and partition, holding the
        // article's mentions of the dyads of that partition: each dyad goes where the default partitioner would
        // send its key, so that interactive queries find the dyad stores by dyad key as usual.
        KStream<String, StanceUpdate> updates = codedArticles
                .flatMap((articleId, events) -> byPartition(articleId, events, partitions),
                        Named.as("key-by-dyad-partition"))
                .repartition(Repartitioned.<String, List<StanceEvent>>as(EVENTS_BY_DYAD).withKeySerde(keys)
                        .withValueSerde(StanceSerdes.stanceEvents()).withNumberOfPartitions(partitions)
                        .withStreamPartitioner(StanceTopology::partitionOfBundle))
                .processValues(() -> new PoisonGuard<>(faults), Named.as("guard-events-by-dyad"))
                .process(() -> new StanceProcessor(s, clock), Named.as("aggregate-dyads"), DYAD_STANCE_STORE,
                        DAILY_STANCE_STORE);

        Topic<String, DyadStance> dyadTopic = topics.dyadStance();
        Topic<String, DyadStance> dailyTopic = topics.dailyStance();
        Topic<String, CountryStance> countryTopic = topics.countryStance();
        updates.split(Named.as("stance-"))
                .branch((k, u) -> u instanceof StanceUpdate.Dyad, Branched.withConsumer(dyad -> dyad
                        .mapValues(u -> ((StanceUpdate.Dyad) u).stance(), Named.as("dyad-stance-values"))
                        .to(dyadTopic.name(), Produced.with(dyadTopic.keySerde(), dyadTopic.valueSerde())
                                .withName("dyad-stance-sink")), "dyads"))
                .branch((k, u) -> u instanceof StanceUpdate.Day, Branched.withConsumer(day -> day
                        .mapValues(u -> ((StanceUpdate.Day) u).stance(), Named.as("daily-stance-values"))
                        .to(dailyTopic.name(), Produced.with(dailyTopic.keySerde(), dailyTopic.valueSerde())
                                .withName("daily-stance-sink")), "days"))
                .branch((k, u) -> u instanceof StanceUpdate.Share, Branched.withConsumer(share -> share
                        .mapValues(u -> (StanceUpdate.Share) u, Named.as("country-share-values"))
                        .repartition(Repartitioned.<String, StanceUpdate.Share>as(COUNTRY_SHARES).withKeySerde(keys)
                                .withValueSerde(StanceSerdes.share()))
                        .processValues(() -> new PoisonGuard<>(faults), Named.as("guard-country-shares"))
                        .process(() -> new CountryStanceProcessor(COUNTRY_STANCE_STORE, new CountryAggregator(s)),
                                Named.as("aggregate-countries"), COUNTRY_STANCE_STORE)
                        .to(countryTopic.name(), Produced.with(countryTopic.keySerde(), countryTopic.valueSerde())
                                .withName("country-stance-sink")), "countries"));
    }

    /**
     * An article's events with a known dyad, one list per partition of the dyad stores, in article order, each keyed
     * {@code ARTICLE#PARTITION} (the key only names the record; {@link #partitionOfBundle} routes it).
     */
    static List<KeyValue<String, List<StanceEvent>>> byPartition(String articleId, List<Event> events,
                                                                 int partitions) {
        Map<Integer, List<StanceEvent>> byPartition = new TreeMap<>();
        for (Event e : events) {
            if (e.target() != null && e.source().isIdentified() && e.target().isIdentified()) {
                byPartition.computeIfAbsent(partitionOf(e.dyadKey(), partitions), p -> new ArrayList<>())
                        .add(StanceEvent.of(e));
            }
        }
        List<KeyValue<String, List<StanceEvent>>> out = new ArrayList<>(byPartition.size());
        byPartition.forEach((p, list) -> out.add(KeyValue.pair(articleId + "#" + p, list)));
        return out;
    }

    /** The partition Kafka's default partitioner gives a dyad key (murmur2 of its UTF-8 bytes). */
    public static int partitionOf(String dyadKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(dyadKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Where a record of events-by-dyad goes: the partition of its dyads (all of its events share it). */
    static Optional<Set<Integer>> partitionOfBundle(String topic, String key, List<StanceEvent> events,
                                                    int partitions) {
        return events.isEmpty() ? Optional.empty()
                : Optional.of(Set.of(partitionOf(events.get(0).dyadKey(), partitions)));
    }
}
