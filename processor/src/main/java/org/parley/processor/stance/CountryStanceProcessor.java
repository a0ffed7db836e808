package org.parley.processor.stance;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.CountryStance;

/**
 * Keeps each country's row of the stance matrix from its shares: one per partition of the dyad stores, each the
 * country's totals over that partition's dyads (see {@link StanceProcessor}). A share replaces the previous share of
 * its partition, so a share sent twice (after a restart) changes nothing.
 *
 * <p>The store holds each share under {@code CODE#PARTITION} and the merged row under {@code CODE} (what the HTTP
 * API reads). A row is published at most once per {@link #EMIT_INTERVAL}, as of that moment. A crash can lose the
 * publication of rows changed just before it, so after every (re)initialisation all rows of the task are published
 * once.
 */
final class CountryStanceProcessor implements Processor<String, StanceUpdate.Share, String, CountryStance> {
    /** How often changed rows are published; a country row lags its store by at most this much. */
    static final Duration EMIT_INTERVAL = Duration.ofMillis(100);
    /** Separates a share's partition from the country code; not a character of actor codes. */
    static final char SHARE_SEPARATOR = '#';
    private static final int MAX_DECODED = 4096;

    private final String storeName;
    private final CountryAggregator aggregator;
    private ProcessorContext<String, CountryStance> context;
    private KeyValueStore<String, CountryAggregator.State> store;
    /** Rows changed since they were last published, in the order they changed. */
    private final Set<String> changed = new LinkedHashSet<>();
    /** Decoded shares of this task's countries, by partition, written through to the store. */
    private final Map<String, Map<Integer, CountryAggregator.State>> decoded =
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, CountryAggregator.State>> eldest) {
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
            all.forEachRemaining(kv -> {
                if (kv.key.indexOf(SHARE_SEPARATOR) < 0) {
                    changed.add(kv.key);
                }
            });
        }
        context.schedule(EMIT_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::publishChanged);
    }

    @Override
    public void process(Record<String, StanceUpdate.Share> record) {
        String code = record.key();
        Map<Integer, CountryAggregator.State> shares = decoded.get(code);
        if (shares == null) {
            shares = sharesInStore(code);
        }
        shares.put(record.value().partition(), record.value().share());
        store.put(code + SHARE_SEPARATOR + record.value().partition(), record.value().share());
        store.put(code, aggregator.merge(code, shares.values()));
        decoded.put(code, shares);
        changed.add(code);
    }

    private Map<Integer, CountryAggregator.State> sharesInStore(String code) {
        Map<Integer, CountryAggregator.State> shares = new TreeMap<>();
        // Codes are letters and digits, so CODE#... sorts before the next character after '#' and no other code
        // falls between the two bounds.
        try (KeyValueIterator<String, CountryAggregator.State> it = store.range(code + SHARE_SEPARATOR,
                code + (char) (SHARE_SEPARATOR + 1))) {
            it.forEachRemaining(kv -> shares.put(
                    Integer.parseInt(kv.key.substring(kv.key.indexOf(SHARE_SEPARATOR) + 1)), kv.value));
        }
        return shares;
    }

    private void publishChanged(long now) {
        if (changed.isEmpty()) {
            return;
        }
        Instant at = Instant.ofEpochMilli(now);
        for (String code : changed) {
            CountryAggregator.State row = store.get(code);
            if (row != null) {
                context.forward(new Record<>(code, CountryAggregator.view(row, at), now));
            }
        }
        changed.clear();
    }
}
