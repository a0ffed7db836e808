package org.parley.processor.stance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.CountryStance;

/** Keeps each country's row of the stance matrix. Runs on contributions keyed by country code. */
final class CountryStanceProcessor
        implements FixedKeyProcessor<String, CountryAggregator.Contribution, CountryStance> {
    private final String storeName;
    private final CountryAggregator aggregator;
    private FixedKeyProcessorContext<String, CountryStance> context;
    private KeyValueStore<String, CountryAggregator.State> store;
    /**
     * Decoded rows of this task, written through to the store. Every event touches two rows, and decoding a
     * country's whole row from JSON on each was the topology's largest cost (see docs/benchmarks.md).
     * Rebuilt from the store after every (re)initialisation, so it never outlives the store's contents.
     */
    private final Map<String, CountryAggregator.State> decoded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CountryAggregator.State> eldest) {
            return size() > MAX_DECODED;
        }
    };
    private static final int MAX_DECODED = 4096;

    CountryStanceProcessor(String storeName, CountryAggregator aggregator) {
        this.storeName = storeName;
        this.aggregator = aggregator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CountryStance> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        decoded.clear();
    }

    @Override
    public void process(FixedKeyRecord<String, CountryAggregator.Contribution> record) {
        CountryAggregator.State state = decoded.get(record.key());
        if (state == null) {
            state = store.get(record.key());
        }
        if (state == null) {
            state = CountryAggregator.State.empty(record.key());
        }
        state = aggregator.add(state, record.value());
        store.put(record.key(), state);
        decoded.put(record.key(), state);
        context.forward(record.withValue(CountryAggregator.view(state, Instant.now())));
    }
}
