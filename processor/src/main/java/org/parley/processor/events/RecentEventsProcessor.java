package org.parley.processor.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * entry per article, in the task's ring of slots: no deletes) and publishes each event, with its filter headers,
 * as the JSON bytes of the events topic. Each event is serialised once; filing per article writes (and
 * changelogs) one entry per article, where one per country the article involves cost about 15.
 *
 * <p>No value may exceed {@code maxValueBytes}: a larger one would fail its send and, under exactly-once, the
 * whole transaction with it. An event larger than that is not published; an entry keeps the first events that
 * fit. Both are logged and counted ({@code parley.values.trimmed}).
 */
public final class RecentEventsProcessor implements Processor<String, List<Event>, String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(RecentEventsProcessor.class);

    /** The longest ISO-8601 form of an Instant. */
    private static final int MAX_TIME_CHARS = Math.max(Instant.MIN.toString().length(),
            Instant.MAX.toString().length());

    private final int slots;
    private final Serializer<Event> json;
    private final int maxValueBytes;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;
    /** The next entry's sequence; read from the store on the first article after each (re)initialisation. */
    private long next = -1;

    /**
     * @param slots how many articles' entries this task keeps
     * @param json  the events topic's serializer
     */
    public RecentEventsProcessor(int slots, Serializer<Event> json, int maxValueBytes, PipelineMetrics metrics) {
        this.slots = slots;
        this.json = json;
        this.maxValueBytes = maxValueBytes;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(RecentEvents.STORE);
        next = -1;
    }

    @Override
    public void process(Record<String, List<Event>> record) {
        if (record.value().isEmpty()) {
            return;
        }
        List<byte[]> published = new ArrayList<>(record.value().size());
        List<Event> kept = new ArrayList<>(record.value().size());
        for (Event e : record.value()) {
            byte[] bytes = json.serialize(null, e);
            if (bytes.length > maxValueBytes) {
                LOG.warn("event {} of article {} is {} bytes, over the {}-byte value limit; not published", e.id(),
                        record.key(), bytes.length, maxValueBytes);
                metrics.valueTrimmed();
                continue;
            }
            published.add(bytes);
            kept.add(e);
            context.forward(new Record<>(e.id(), bytes, record.timestamp(), EventHeaderStamper.headersOf(e)));
        }
        if (!published.isEmpty()) {
            file(record.key(), kept, published);
        }
    }

    /** Puts the article's entry in the slot of the entry {@code slots} articles ago: overwritten, not deleted. */
    private void file(String articleId, List<Event> events, List<byte[]> bytes) {
        if (next < 0) {
            next = nextInStore();
        }
        int fit = fitting(articleId, events, bytes, next);
        if (fit == 0) {
            return;
        }
        Set<String> countries = new LinkedHashSet<>();
        Instant ingested = null;
        for (Event e : events.subList(0, fit)) {
            countries.addAll(RecentEvents.countriesOf(e));
            ingested = later(ingested, e.ingestedAt());
        }
        store.put(RecentEvents.key(next % slots), RecentEvents.entry(RecentEvents.prefix(next, ingested, countries),
                jsonArray(bytes.subList(0, fit))));
        next++;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    /** How many of the first events make an entry (prefix and JSON array) within the value limit. */
    private int fitting(String articleId, List<Event> events, List<byte[]> bytes, long sequence) {
        // The prefix if every event's countries were distinct and its time the longest: an upper bound.
        int size = 2 + Long.toString(sequence).length() + 1 + MAX_TIME_CHARS + 2;
        for (int i = 0; i < bytes.size(); i++) {
            int codes = 0;
            for (String c : RecentEvents.countriesOf(events.get(i))) {
                codes += c.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            size += bytes.get(i).length + 1 + codes;
            if (size > maxValueBytes) {
                LOG.warn("article {}: its {} entry keeps {} of its {} events, to stay within {} bytes", articleId,
                        RecentEvents.STORE, i, bytes.size(), maxValueBytes);
                metrics.valueTrimmed();
                return i;
            }
        }
        return bytes.size();
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

    /** One more than the highest sequence among the task's (at most {@code slots}) entries, or 0. */
    private long nextInStore() {
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            return RecentEvents.nextSequence(it);
        }
    }
}
