package org.parley.processor.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;

/** How a country row is merged from the shares of the dyad partitions, and when it is published. */
class CountryStanceProcessorTest {
    private static final Instant DAY = Instant.parse("2025-03-01T00:00:00Z");
    private final CountryAggregator aggregator = new CountryAggregator(StanceSettings.defaults());
    private MockProcessorContext<String, CountryStance> context;
    private KeyValueStore<String, CountryAggregator.State> store;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StanceTopology.COUNTRY_STANCE_STORE),
                Serdes.String(), StanceSerdes.countryState()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    /** A dyad with {@code events} distinct events that sum to {@code sum}, all on DAY. */
    private static DyadStance dyad(String source, String target, long events, double sum) {
        return new DyadStance(source, target, events, events, sum, sum / events, Map.of(), Map.of(), 0.0, sum, DAY,
                DAY, List.of(), DAY);
    }

    private Record<String, StanceUpdate.Share> share(String code, int partition, DyadStance... dyads) {
        return new Record<>(code, new StanceUpdate.Share(partition, aggregator.over(code, List.of(dyads))), 0L);
    }

    private List<Record<String, CountryStance>> punctuate() {
        context.resetForwards();
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(DAY.toEpochMilli());
        List<Record<String, CountryStance>> out = new java.util.ArrayList<>();
        context.forwarded().forEach(f -> out.add(new Record<>(f.record().key(), f.record().value(),
                f.record().timestamp())));
        return out;
    }

    @Test
    void theRowIsTheSumOfTheLatestShareOfEachPartitionPublishedOnlyOnTheSchedule() {
        CountryStanceProcessor p = new CountryStanceProcessor(StanceTopology.COUNTRY_STANCE_STORE, aggregator);
        p.init(context);
        assertThat(context.scheduledPunctuators()).hasSize(1);
        assertThat(context.scheduledPunctuators().get(0).getInterval())
                .isEqualTo(CountryStanceProcessor.EMIT_INTERVAL);

        p.process(share("RUS", 0, dyad("RUS", "USA", 2, 4.0)));
        p.process(share("RUS", 1, dyad("RUS", "FRA", 1, -2.0), dyad("CHN", "RUS", 1, 3.0)));
        // A newer share of partition 0 replaces the older one: it is the partition's total, not an increment.
        p.process(share("RUS", 0, dyad("RUS", "USA", 3, 5.0)));
        assertThat(context.forwarded()).isEmpty();
        assertThat(store.get("RUS").sourceEvents()).isEqualTo(4);

        List<Record<String, CountryStance>> out = punctuate();
        assertThat(out).hasSize(1);
        CountryStance rus = out.get(0).value();
        assertThat(rus.asSource().events()).isEqualTo(4);
        assertThat(rus.asSource().goldsteinSum()).isEqualTo(3.0);
        assertThat(rus.asSource().stance()).isEqualTo(3.0);
        assertThat(rus.asTarget().events()).isEqualTo(1);
        assertThat(rus.asTarget().goldsteinSum()).isEqualTo(3.0);
        assertThat(rus.net()).containsOnlyKeys("USA", "FRA").containsEntry("USA", 5.0).containsEntry("FRA", -2.0);

        assertThat(punctuate()).as("nothing changed since").isEmpty();
    }

    @Test
    void aShareSentAgainChangesNothing() {
        CountryStanceProcessor p = new CountryStanceProcessor(StanceTopology.COUNTRY_STANCE_STORE, aggregator);
        p.init(context);
        p.process(share("USA", 2, dyad("USA", "RUS", 2, -3.0)));
        CountryAggregator.State once = store.get("USA");
        p.process(share("USA", 2, dyad("USA", "RUS", 2, -3.0)));
        assertThat(store.get("USA")).isEqualTo(once);
        assertThat(once.sourceEvents()).isEqualTo(2);
    }

    @Test
    void afterARestartSharesComeFromTheStoreAndEveryRowIsPublishedOnceSoALostPublicationIsMadeGood() {
        CountryStanceProcessor before = new CountryStanceProcessor(StanceTopology.COUNTRY_STANCE_STORE, aggregator);
        before.init(context);
        before.process(share("RUS", 0, dyad("RUS", "USA", 1, 1.0)));
        before.process(share("USA", 1, dyad("USA", "RUS", 1, -1.0)));

        // A new instance of the processor on the same store: nothing in memory, rows not yet published.
        context = new MockProcessorContext<>();
        context.addStateStore(store);
        CountryStanceProcessor p = new CountryStanceProcessor(StanceTopology.COUNTRY_STANCE_STORE, aggregator);
        p.init(context);
        Map<String, CountryStance> out = new java.util.TreeMap<>();
        punctuate().forEach(r -> out.put(r.key(), r.value()));
        assertThat(out).containsOnlyKeys("RUS", "USA");
        assertThat(out.get("USA").net()).containsEntry("RUS", -1.0);
        assertThat(punctuate()).isEmpty();

        // The share of partition 0 kept in the store still counts when partition 1 sends its first.
        p.process(share("RUS", 1, dyad("RUS", "FRA", 2, 2.0)));
        assertThat(store.get("RUS").sourceEvents()).isEqualTo(3);
        assertThat(store.get("RUS").towards()).containsOnlyKeys("USA", "FRA");
    }
}
