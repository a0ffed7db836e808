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

/** The publication schedule of country rows; the aggregation itself is covered through the topology tests. */
class CountryStanceProcessorTest {
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

    private static CountryAggregator.Contribution towards(String counterpart, double goldstein) {
        return new CountryAggregator.Contribution(true, counterpart, goldstein, Instant.parse("2025-03-01T00:00:00Z"));
    }

    private List<Record<String, CountryStance>> punctuate() {
        context.resetForwards();
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(System.currentTimeMillis());
        List<Record<String, CountryStance>> out = new java.util.ArrayList<>();
        context.forwarded().forEach(f -> out.add(new Record<>(f.record().key(), f.record().value(),
                f.record().timestamp())));
        return out;
    }

    @Test
    void rowsAreStoredAtOnceAndPublishedOnlyOnTheSchedule() {
        CountryStanceProcessor p = new CountryStanceProcessor(StanceTopology.COUNTRY_STANCE_STORE, aggregator);
        p.init(context);
        assertThat(context.scheduledPunctuators()).hasSize(1);
        assertThat(context.scheduledPunctuators().get(0).getInterval())
                .isEqualTo(CountryStanceProcessor.EMIT_INTERVAL);

        p.process(new Record<>("RUS", List.of(towards("USA", 1.0), towards("USA", 3.0)), 0L));
        p.process(new Record<>("RUS", List.of(towards("FRA", -2.0)), 0L));
        assertThat(context.forwarded()).isEmpty();
        assertThat(store.get("RUS").sourceEvents()).isEqualTo(3);

        List<Record<String, CountryStance>> out = punctuate();
        assertThat(out).hasSize(1);
        CountryStance rus = out.get(0).value();
        assertThat(rus.asSource().events()).isEqualTo(3);
        assertThat(rus.asSource().goldsteinSum()).isEqualTo(2.0);
        assertThat(rus.net()).containsOnlyKeys("USA", "FRA").containsEntry("USA", 4.0);

        assertThat(punctuate()).as("nothing changed since").isEmpty();
    }

    @Test
    void afterARestartEveryRowOfTheStoreIsPublishedOnceSoALostPublicationIsMadeGood() {
        // Rows written by an earlier run whose publications may have died with it.
        store.put("RUS", aggregator.add(CountryAggregator.State.empty("RUS"), towards("USA", 1.0)));
        store.put("USA", aggregator.add(CountryAggregator.State.empty("USA"), towards("RUS", -1.0)));

        CountryStanceProcessor p = new CountryStanceProcessor(StanceTopology.COUNTRY_STANCE_STORE, aggregator);
        p.init(context);
        Map<String, CountryStance> out = new java.util.TreeMap<>();
        punctuate().forEach(r -> out.put(r.key(), r.value()));
        assertThat(out).containsOnlyKeys("RUS", "USA");
        assertThat(out.get("USA").net()).containsEntry("RUS", -1.0);
        assertThat(punctuate()).isEmpty();
    }
}
