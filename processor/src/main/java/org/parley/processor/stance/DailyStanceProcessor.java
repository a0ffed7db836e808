package org.parley.processor.stance;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.DyadStance;

/**
 * Keeps each dyad's daily values in a key-value store keyed {@code SRC->TGT@YYYY-MM-DD} and publishes a day's
 * new value whenever one of its events is mentioned. Unlike a suppressed window there is no grace and nothing
 * buffered: an event counts in its day however late it is reported, so the published values come out the same
 * whatever order the articles are processed in, and memory does not grow with the days still open. Runs in the
 * dyad's task, right after the dyad aggregate, so the store is partitioned by dyad like the dyad store.
 */
final class DailyStanceProcessor implements Processor<String, StanceChange, String, DyadStance> {
    private final String storeName;
    private final DailyAggregator aggregator;
    private ProcessorContext<String, DyadStance> context;
    private KeyValueStore<String, DyadStance> days;

    DailyStanceProcessor(String storeName, DailyAggregator aggregator) {
        this.storeName = storeName;
        this.aggregator = aggregator;
    }

    /** The store and topic key of a dyad's day. */
    static String key(String dyad, StanceEvent e) {
        return dyad + "@" + e.date();
    }

    @Override
    public void init(ProcessorContext<String, DyadStance> context) {
        this.context = context;
        this.days = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, StanceChange> record) {
        StanceChange change = record.value();
        Set<StanceEvent> first = Collections.newSetFromMap(new IdentityHashMap<>());
        first.addAll(change.newEvents());
        Map<String, DyadStance> touched = new LinkedHashMap<>();
        for (StanceEvent e : change.mentions()) {
            String key = key(record.key(), e);
            DyadStance day = touched.get(key);
            if (day == null) {
                day = days.get(key);
            }
            if (day == null) {
                day = DailyAggregator.empty(e);
            }
            touched.put(key, aggregator.add(day, e, first.contains(e)));
        }
        touched.forEach((key, day) -> {
            days.put(key, day);
            context.forward(new Record<>(key, day, record.timestamp()));
        });
    }
}
