package org.parley.processor.events;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.Event;

/** Files each event mention under its country (the record key) and drops that country's oldest beyond the cap. */
public final class RecentEventsProcessor implements Processor<String, Event, Void, Void> {
    private final int perCountry;
    private KeyValueStore<String, Event> store;

    public RecentEventsProcessor(int perCountry) {
        this.perCountry = perCountry;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(RecentEvents.STORE);
    }

    @Override
    public void process(Record<String, Event> record) {
        String country = record.key();
        long next = 0;
        try (KeyValueIterator<String, Event> last = store.reverseRange(RecentEvents.from(country),
                RecentEvents.to(country))) {
            if (last.hasNext()) {
                KeyValue<String, Event> kv = last.next();
                next = RecentEvents.sequence(kv.key) + 1;
            }
        }
        store.put(RecentEvents.key(country, next), record.value());
        if (next >= perCountry) {
            store.delete(RecentEvents.key(country, next - perCountry));
        }
    }
}
