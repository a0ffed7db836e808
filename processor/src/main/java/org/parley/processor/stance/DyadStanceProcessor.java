package org.parley.processor.stance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.DyadStance;

/**
 * Counts each distinct event once per dyad and keeps the dyad's running aggregate. Runs on one article's
 * mentions of a dyad at a time, keyed by dyad, so a dyad's distinct events and its aggregate live in the same
 * task and the aggregate is read, written and published once per article rather than once per mention.
 */
final class DyadStanceProcessor implements FixedKeyProcessor<String, List<StanceEvent>, StanceChange> {
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
    public void process(FixedKeyRecord<String, List<StanceEvent>> record) {
        List<StanceEvent> mentions = record.value();
        if (mentions.isEmpty()) {
            return;
        }
        DyadStance current = dyads.get(record.key());
        if (current == null) {
            current = DyadAggregator.empty(mentions.get(0).source(), mentions.get(0).target());
        }
        Instant now = Instant.now();
        List<StanceEvent> newEvents = new ArrayList<>(mentions.size());
        for (StanceEvent e : mentions) {
            String distinctKey = DistinctEventKey.of(e);
            DistinctEvent seen = distinct.get(distinctKey);
            if (seen == null) {
                distinct.put(distinctKey, DistinctEvent.first(e.id(), e.articleId()));
                current = aggregator.add(current, e, now);
                newEvents.add(e);
            } else {
                distinct.put(distinctKey, seen.mention(e.articleId()));
                current = aggregator.mention(current, now);
            }
        }
        dyads.put(record.key(), current);
        context.forward(record.withValue(new StanceChange(current, List.copyOf(newEvents), mentions)));
    }
}
