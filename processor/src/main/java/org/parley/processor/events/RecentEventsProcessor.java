package org.parley.processor.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.Event;

/**
 * Files each event mention under its countries in this task's {@value RecentEvents#STORE} store, dropping a
 * country's oldest beyond the cap, and passes the event on as its JSON bytes. The event is serialised once:
 * the same bytes go to the store (twice, one entry per country) and to the events topic.
 */
public final class RecentEventsProcessor implements Processor<String, Event, String, byte[]> {
    private final int perCountry;
    private final Serializer<Event> json;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;
    /** Next sequence number per country, read from the store once per country after each (re)initialisation. */
    private final Map<String, Long> next = new HashMap<>();

    public RecentEventsProcessor(int perCountry, Serializer<Event> json) {
        this.perCountry = perCountry;
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(RecentEvents.STORE);
        next.clear();
    }

    @Override
    public void process(Record<String, Event> record) {
        Event e = record.value();
        byte[] bytes = json.serialize(null, e);
        List<String> countries = RecentEvents.countriesOf(e);
        for (String country : countries) {
            long seq = next.computeIfAbsent(country, this::nextInStore);
            store.put(RecentEvents.key(country, seq), bytes);
            if (seq >= perCountry) {
                store.delete(RecentEvents.key(country, seq - perCountry));
            }
            next.put(country, seq + 1);
        }
        context.forward(record.withValue(bytes));
    }

    private long nextInStore(String country) {
        try (KeyValueIterator<String, byte[]> last = store.reverseRange(RecentEvents.from(country),
                RecentEvents.to(country))) {
            return last.hasNext() ? RecentEvents.sequence(last.next().key) + 1 : 0;
        }
    }
}
