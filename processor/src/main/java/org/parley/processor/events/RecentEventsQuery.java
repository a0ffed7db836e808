package org.parley.processor.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.parley.common.Event;

/**
 * The newest events of a {@value RecentEvents#STORE} store that pass a filter. An entry holds a whole article's
 * events, so parsing every entry would cost a country's query the JSON of every article that names it; instead
 * the entries are ordered by the ingest time in their prefix, parsed newest first, and the reading stops once
 * the events found fill the limit and no unread entry can hold a newer or equally new one. The answer is the
 * same as parsing everything.
 */
public final class RecentEventsQuery {
    /** The order of {@code /api/events}: newest ingested first, then by article, sentence and id. */
    public static final Comparator<Event> NEWEST_FIRST = Comparator.comparing(Event::ingestedAt,
                    Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(Event::articleId).thenComparingInt(Event::sentenceIndex).thenComparing(Event::id);

    private static final Comparator<Candidate> NEWEST_ENTRY_FIRST = Comparator.comparing(Candidate::ingested,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

    private RecentEventsQuery() {
    }

    private record Candidate(Instant ingested, byte[] entry) {
    }

    /**
     * @param required countries every wanted event involves (all of them); entries not naming them all are
     *                 skipped unparsed
     * @param wanted   the full filter, applied to each parsed event
     * @return at most {@code limit} distinct events, in {@link #NEWEST_FIRST} order
     */
    public static List<Event> newest(ReadOnlyKeyValueStore<String, byte[]> store, Collection<String> required,
                                     Predicate<Event> wanted, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                byte[] entry = it.next().value;
                if (required.stream().allMatch(c -> RecentEvents.involves(entry, c))) {
                    candidates.add(new Candidate(RecentEvents.ingestedOf(entry), entry));
                }
            }
        }
        candidates.sort(NEWEST_ENTRY_FIRST);
        List<Event> found = new ArrayList<>();
        for (Candidate c : candidates) {
            if (found.size() >= limit && olderThanAll(c, found)) {
                break;
            }
            for (Event e : RecentEvents.decode(c.entry())) {
                if (wanted.test(e)) {
                    found.add(e);
                }
            }
            if (found.size() >= limit) {
                found = newestDistinct(found, limit);
            }
        }
        return newestDistinct(found, limit);
    }

    /** Whether no event of this entry can come before the last of {@code found} (already trimmed to the limit). */
    private static boolean olderThanAll(Candidate c, List<Event> found) {
        Instant last = found.get(found.size() - 1).ingestedAt();
        // An entry's time is its newest event's; an event without one sorts last, and so ties a last without one.
        return last != null && (c.ingested() == null || c.ingested().isBefore(last));
    }

    /** Each event once, in {@link #NEWEST_FIRST} order, at most {@code limit}. */
    public static List<Event> newestDistinct(List<Event> rows, int limit) {
        Map<String, Event> byId = new LinkedHashMap<>();
        rows.forEach(e -> byId.putIfAbsent(e.id(), e));
        List<Event> out = new ArrayList<>(byId.values());
        out.sort(NEWEST_FIRST);
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }
}
