package org.parley.processor.stance;

import java.time.Instant;
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

    CountryStanceProcessor(String storeName, CountryAggregator aggregator) {
        this.storeName = storeName;
        this.aggregator = aggregator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CountryStance> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, CountryAggregator.Contribution> record) {
        CountryAggregator.State state = store.get(record.key());
        if (state == null) {
            state = CountryAggregator.State.empty(record.key());
        }
        state = aggregator.add(state, record.value());
        store.put(record.key(), state);
        context.forward(record.withValue(CountryAggregator.view(state, Instant.now())));
    }
}
