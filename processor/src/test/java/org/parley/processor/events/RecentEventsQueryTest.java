package org.parley.processor.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.common.Span;

/** The early-stopping query gives exactly what parsing every entry gives. */
class RecentEventsQueryTest {
    private static final List<String> CODES = List.of("RUS", "USA", "CHN", "FRA", "IND");
    /** Few distinct times, so that many articles tie; null for some. */
    private static final List<Instant> TIMES = new ArrayList<>(List.of(Instant.parse("2025-03-01T00:00:00Z"),
            Instant.parse("2025-03-01T00:00:01Z"), Instant.parse("2025-03-01T00:00:01.5Z"),
            Instant.parse("2025-03-02T00:00:00Z")));

    static {
        TIMES.add(null);
    }

    @Test
    void theNewestEventsMatchAFullParseForEveryFilterAndLimit() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            Map<String, byte[]> entries = entries(new Random(seed), 120);
            Store store = new Store(entries);
            for (int limit : List.of(1, 3, 10, 50, 100_000)) {
                check(store, List.of(), e -> true, limit);
                check(store, List.of("RUS"), e -> RecentEvents.countriesOf(e).contains("RUS"), limit);
                check(store, List.of("CHN", "IND"), e -> e.target() != null && e.source().code().equals("CHN")
                        && e.target().code().equals("IND"), limit);
                check(store, List.of(), e -> e.root().equals("19"), limit);
            }
        }
    }

    @Test
    void anEntryOfMixedTimesIsReadByItsNewest() throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        entries.put(RecentEvents.key(0), entry(0, List.of(event("old", 0, "RUS", "USA", TIMES.get(0)),
                event("old", 1, "RUS", "USA", TIMES.get(3)))));
        entries.put(RecentEvents.key(1), entry(1, List.of(event("mid", 0, "RUS", "USA", TIMES.get(1)))));
        List<Event> got = RecentEventsQuery.newest(new Store(entries), List.of("RUS"), e -> true, 1);
        assertThat(got).extracting(Event::id).containsExactly("old#1");
    }

    private static void check(Store store, List<String> required, Predicate<Event> wanted, int limit) {
        List<Event> all = new ArrayList<>();
        store.entries.values().forEach(v -> RecentEvents.decode(v).stream().filter(wanted).forEach(all::add));
        List<Event> expected = RecentEventsQuery.newestDistinct(all, limit);
        assertThat(RecentEventsQuery.newest(store, required, wanted, limit)).as("%s, limit %d", required, limit)
                .extracting(Event::id).containsExactlyElementsOf(expected.stream().map(Event::id).toList());
    }

    private static Map<String, byte[]> entries(Random random, int articles) throws JsonProcessingException {
        Map<String, byte[]> out = new TreeMap<>();
        for (int a = 0; a < articles; a++) {
            Instant time = TIMES.get(random.nextInt(TIMES.size()));
            List<Event> events = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                String source = CODES.get(random.nextInt(CODES.size()));
                String target = random.nextInt(5) == 0 ? null : CODES.get(random.nextInt(CODES.size()));
                events.add(event("a" + a, i, source, target, time));
            }
            // Slots in shuffled order: the store's key order says nothing of age.
            out.put(RecentEvents.key((a * 37L) % articles), entry(a, events));
        }
        return out;
    }

    private static byte[] entry(long sequence, List<Event> events) throws JsonProcessingException {
        Set<String> countries = new LinkedHashSet<>();
        Instant newest = null;
        for (Event e : events) {
            countries.addAll(RecentEvents.countriesOf(e));
            if (e.ingestedAt() != null && (newest == null || e.ingestedAt().isAfter(newest))) {
                newest = e.ingestedAt();
            }
        }
        return RecentEvents.entry(RecentEvents.prefix(sequence, newest, countries),
                Json.mapper().writeValueAsBytes(events));
    }

    private static Event event(String article, int i, String source, String target, Instant time) {
        String root = i % 2 == 0 ? "04" : "19";
        return new Event(article + "#" + i, article, i, "s", new Span(0, 1), LocalDate.parse("2025-03-01"),
                actor(source), target == null ? null : actor(target), root + "0", root,
                Event.quadClassOfRoot(root), 1.0, null, null, "test", time);
    }

    private static Actor actor(String code) {
        return new Actor(code, Actor.ActorType.STATE, "GOV", code, code);
    }

    /** A read-only store over a sorted map, as an instance's partition store is read. */
    private record Store(Map<String, byte[]> entries) implements ReadOnlyKeyValueStore<String, byte[]> {
        @Override
        public byte[] get(String key) {
            return entries.get(key);
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            throw new UnsupportedOperationException("the query reads every entry");
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            Iterator<Map.Entry<String, byte[]>> it = entries.entrySet().iterator();
            return new KeyValueIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, byte[]> next() {
                    Map.Entry<String, byte[]> e = it.next();
                    return KeyValue.pair(e.getKey(), e.getValue());
                }

                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public long approximateNumEntries() {
            return entries.size();
        }
    }
}
