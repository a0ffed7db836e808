package org.parley.processor.events;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.Event;
import org.parley.processor.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the events coded from one article, files them in this task's {@value RecentEvents#STORE} store (one
 * entry per country the article's events involve, in the country's ring of slots: no deletes) and publishes each event, with its filter headers, as the
 * JSON bytes of the events topic. Each event is serialised once; filing per article rather than per event
 * writes (and changelogs) a few entries per article instead of two per event.
 *
 * <p>No value may exceed {@code maxValueBytes}: a larger one would fail its send and, under exactly-once, the
 * whole transaction with it. An event larger than that is not published; an entry keeps the first events that
 * fit. Both are logged and counted ({@code parley.values.trimmed}).
 */
public final class RecentEventsProcessor implements Processor<String, List<Event>, String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(RecentEventsProcessor.class);

    private final int perCountry;
    private final Serializer<Event> json;
    private final int maxValueBytes;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;
    /** Next sequence number per country, read from the store once per country after each (re)initialisation. */
    private final Map<String, Long> next = new HashMap<>();

    /**
     * @param perCountry how many articles' entries each country keeps in this task
     * @param json       the events topic's serializer
     */
    public RecentEventsProcessor(int perCountry, Serializer<Event> json, int maxValueBytes, PipelineMetrics metrics) {
        this.perCountry = perCountry;
        this.json = json;
        this.maxValueBytes = maxValueBytes;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(RecentEvents.STORE);
        next.clear();
    }

    @Override
    public void process(Record<String, List<Event>> record) {
        if (record.value().isEmpty()) {
            return;
        }
        Map<String, List<byte[]>> byCountry = new LinkedHashMap<>();
        for (Event e : record.value()) {
            byte[] bytes = json.serialize(null, e);
            if (bytes.length > maxValueBytes) {
                LOG.warn("event {} of article {} is {} bytes, over the {}-byte value limit; not published", e.id(),
                        record.key(), bytes.length, maxValueBytes);
                metrics.valueTrimmed();
                continue;
            }
            for (String country : RecentEvents.countriesOf(e)) {
                byCountry.computeIfAbsent(country, c -> new ArrayList<>()).add(bytes);
            }
            context.forward(new Record<>(e.id(), bytes, record.timestamp(), EventHeaderStamper.headersOf(e)));
        }
        byCountry.forEach((country, events) -> {
            long seq = next.computeIfAbsent(country, this::nextInStore);
            // The slot of the entry perCountry arrivals ago: overwritten, so nothing is deleted.
            store.put(RecentEvents.key(country, seq % perCountry), RecentEvents.entry(seq,
                    jsonArray(fitting(record.key(), country, events, RecentEvents.entryOverhead(seq)))));
            next.put(country, seq + 1);
        });
    }

    /** The first of the events whose entry (sequence and JSON array) stays within the value limit. */
    private List<byte[]> fitting(String articleId, String country, List<byte[]> events, int overhead) {
        int size = 2 + overhead;
        for (int i = 0; i < events.size(); i++) {
            size += events.get(i).length + 1;
            if (size > maxValueBytes) {
                LOG.warn("article {}: the {} entry keeps {} of its {} events, to stay within {} bytes", articleId,
                        country, i, events.size(), maxValueBytes);
                metrics.valueTrimmed();
                return events.subList(0, i);
            }
        }
        return events;
    }

    /** The events as one JSON array, from their already serialised JSON. */
    private static byte[] jsonArray(List<byte[]> events) {
        int size = 2 + events.size();
        for (byte[] e : events) {
            size += e.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(events.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    /** One more than the highest sequence among the country's (at most {@code perCountry}) entries, or 0. */
    private long nextInStore(String country) {
        try (KeyValueIterator<String, byte[]> it = store.range(RecentEvents.from(country), RecentEvents.to(country))) {
            return RecentEvents.nextSequence(it);
        }
    }
}
