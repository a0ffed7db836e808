package org.parley.processor.stance;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.CountryStance;

/**
 * Keeps each country's row of the stance matrix. Runs on contributions keyed by country code, one record per
 * article and dyad.
 *
 * <p>Every distinct event changes two rows, and a row holds the country's stance towards every counterpart,
 * so publishing the whole row on each change cost more than anything else in the topology. The store is
 * updated on every contribution (so the row is exact and survives a crash), while the row is published at
 * most once per {@link #EMIT_INTERVAL}: the changed rows, as of that moment. A crash can lose the publication
 * of rows changed just before it, so after every (re)initialisation all rows of the task are published once.
 */
final class CountryStanceProcessor
        implements Processor<String, List<CountryAggregator.Contribution>, String, CountryStance> {
    /** How often changed rows are published; a country row lags its store by at most this much. */
    static final Duration EMIT_INTERVAL = Duration.ofMillis(100);
    private static final int MAX_DECODED = 4096;

    private final String storeName;
    private final CountryAggregator aggregator;
    private ProcessorContext<String, CountryStance> context;
    private KeyValueStore<String, CountryAggregator.State> store;
    /** Rows changed since they were last published, in the order they changed. */
    private final Set<String> changed = new LinkedHashSet<>();
    /**
     * Decoded rows of this task, written through to the store, so that a contribution does not decode its
     * country's whole row. Rebuilt from the store after every (re)initialisation.
     */
    private final Map<String, CountryAggregator.State> decoded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CountryAggregator.State> eldest) {
            return size() > MAX_DECODED;
        }
    };

    CountryStanceProcessor(String storeName, CountryAggregator aggregator) {
        this.storeName = storeName;
        this.aggregator = aggregator;
    }

    @Override
    public void init(ProcessorContext<String, CountryStance> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        decoded.clear();
        changed.clear();
        try (KeyValueIterator<String, CountryAggregator.State> all = store.all()) {
            all.forEachRemaining(kv -> changed.add(kv.key));
        }
        context.schedule(EMIT_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::publishChanged);
    }

    @Override
    public void process(Record<String, List<CountryAggregator.Contribution>> record) {
        CountryAggregator.State state = decoded.get(record.key());
        if (state == null) {
            state = store.get(record.key());
        }
        if (state == null) {
            state = CountryAggregator.State.empty(record.key());
        }
        state = aggregator.addAll(state, record.value());
        store.put(record.key(), state);
        decoded.put(record.key(), state);
        changed.add(record.key());
    }

    private void publishChanged(long now) {
        if (changed.isEmpty()) {
            return;
        }
        Instant at = Instant.ofEpochMilli(now);
        for (String code : changed) {
            CountryAggregator.State state = decoded.get(code);
            if (state == null) {
                state = store.get(code);
            }
            if (state != null) {
                context.forward(new Record<>(code, CountryAggregator.view(state, at), now));
            }
        }
        changed.clear();
    }
}
