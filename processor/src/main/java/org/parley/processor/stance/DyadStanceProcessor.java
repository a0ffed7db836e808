package org.parley.processor.stance;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.DyadStance;

/**
 * Counts each distinct event once per dyad and keeps the dyad's running aggregate. Runs on events keyed by
 * dyad, so a dyad's distinct events and its aggregate live in the same task.
 */
final class DyadStanceProcessor implements FixedKeyProcessor<String, StanceEvent, StanceChange> {
    private final String distinctStoreName;
    private final String dyadStoreName;
    private final DyadAggregator aggregator;
    private FixedKeyProcessorContext<String, StanceChange> context;
    private KeyValueStore<String, DistinctEvent> distinct;
    private KeyValueStore<String, DyadStance> dyads;

    DyadStanceProcessor(String distinctStoreName, String dyadStoreName, DyadAggregator aggregator) {
        this.distinctStoreName = distinctStoreName;
        this.dyadStoreName = dyadStoreName;
        this.aggregator = aggregator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, StanceChange> context) {
        this.context = context;
        this.distinct = context.getStateStore(distinctStoreName);
        this.dyads = context.getStateStore(dyadStoreName);
    }

    @Override
    public void process(FixedKeyRecord<String, StanceEvent> record) {
        StanceEvent e = record.value();
        String distinctKey = DistinctEventKey.of(e);
        DistinctEvent seen = distinct.get(distinctKey);
        DyadStance current = dyads.get(record.key());
        if (current == null) {
            current = DyadAggregator.empty(e.source(), e.target());
        }
        Instant now = Instant.now();
        StanceChange change;
        if (seen == null) {
            distinct.put(distinctKey, DistinctEvent.first(e.id(), e.articleId()));
            change = new StanceChange(aggregator.add(current, e, now), e);
        } else {
            distinct.put(distinctKey, seen.mention(e.articleId()));
            change = new StanceChange(aggregator.mention(current, now), null);
        }
        dyads.put(record.key(), change.dyad());
        context.forward(record.withValue(change));
    }
}
