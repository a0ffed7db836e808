package org.parley.processor.events;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.parley.common.Event;
import org.parley.common.Json;

/**
 * The {@value #STORE} store: the event mentions of each partition's latest {@link #ARTICLES_PER_PARTITION}
 * articles, filed in the coding step's task, one entry per article. An entry is keyed by its slot, the article's
 * arrival sequence (per task) modulo {@link #ARTICLES_PER_PARTITION}: a ring, so a new entry overwrites the
 * oldest and nothing is ever deleted, and the changelog gets one record per article. (The store it replaced,
 * {@code recent-events-ring}, kept one ring per country and wrote one record per article and country, about 15
 * per article on the benchmark's corpus.) Filing beside the coder moves no record between tasks; a query reads
 * every partition and merges (see {@code GET /api/events}).
 *
 * <p>An entry's bytes: the sequence in ASCII digits, one space, the latest ingest time of its events (ISO-8601,
 * {@code -} for none), one space, the codes of the countries its events involve (source or target) joined by
 * commas, one space, then the events as a JSON array (as on the events topic). The codes let a query for one
 * country skip an entry without parsing its JSON, and the time lets a query parse the newest entries first and
 * stop once it has enough (see {@link RecentEventsQuery}).
 */
public final class RecentEvents {
    /** Named apart from the former {@code recent-events-ring} (one entry per article and country). */
    public static final String STORE = "recent-events-by-article";
    /** How many articles' events each partition keeps. */
    public static final int ARTICLES_PER_PARTITION = 2_000;

    private static final String ANY = "*";
    private static final String NONE = "-";
    private static final ObjectReader ENTRY = Json.mapper().readerForListOf(Event.class);

    private RecentEvents() {
    }

    /** The countries an event involves: its source, and its target when there is one. */
    public static Set<String> countriesOf(Event e) {
        Set<String> codes = new LinkedHashSet<>(2);
        codes.add(e.source().code());
        if (e.target() != null) {
            codes.add(e.target().code());
        }
        return codes;
    }

    /** The key of a slot: zero-padded, so that keys sort as numbers. */
    public static String key(long slot) {
        String digits = Long.toString(slot);
        return "0".repeat(Math.max(0, 10 - digits.length())) + digits;
    }

    /** The slot of a key (see {@link #key}). */
    public static long slot(String key) {
        return Long.parseLong(key);
    }

    /**
     * The bytes before an entry's JSON array: its sequence, the latest ingest time of its events (null for none)
     * and its countries, each followed by a space.
     */
    public static byte[] prefix(long sequence, Instant ingestedAt, Collection<String> countries) {
        String codes = String.join(",", countries);
        // A code the list could not hold unambiguously (none of the dictionaries' does) makes it "any country".
        boolean plain = countries.stream().noneMatch(c -> c.isEmpty() || c.indexOf(' ') >= 0
                || c.indexOf(',') >= 0 || c.indexOf('[') >= 0);
        return (sequence + " " + (ingestedAt == null ? NONE : ingestedAt.toString()) + " " + (plain ? codes : ANY)
                + " ").getBytes(StandardCharsets.UTF_8);
    }

    /** The latest ingest time of an entry's events, from its prefix alone; null when none has one. */
    public static Instant ingestedOf(byte[] entry) {
        int start = indexOf(entry, ' ', 0) + 1;
        int end = indexOf(entry, ' ', start);
        if (start == 0 || end < 0) {
            throw new IllegalArgumentException("unreadable " + STORE + " entry: no ingest time");
        }
        String text = new String(entry, start, end - start, StandardCharsets.US_ASCII);
        return text.equals(NONE) ? null : Instant.parse(text);
    }

    /** An entry's value: its prefix (see {@link #prefix}) and the events' JSON array. */
    public static byte[] entry(byte[] prefix, byte[] jsonArray) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + jsonArray.length);
        System.arraycopy(jsonArray, 0, out, prefix.length, jsonArray.length);
        return out;
    }

    /** The sequence after the highest of these entries, or 0 for none (a ring: not the last slot's). */
    public static long nextSequence(Iterator<KeyValue<String, byte[]>> entries) {
        long next = 0;
        while (entries.hasNext()) {
            next = Math.max(next, sequenceOf(entries.next().value) + 1);
        }
        return next;
    }

    /** The arrival sequence an entry was filed with. */
    public static long sequenceOf(byte[] entry) {
        long n = 0;
        for (byte b : entry) {
            if (b == ' ') {
                return n;
            }
            if (b < '0' || b > '9') {
                break;
            }
            n = n * 10 + (b - '0');
        }
        throw new IllegalArgumentException("unreadable " + STORE + " entry: no sequence");
    }

    /** Whether an entry holds an event involving this country, read from its prefix alone. */
    public static boolean involves(byte[] entry, String country) {
        int first = indexOf(entry, ' ', 0);
        int second = first < 0 ? -1 : indexOf(entry, ' ', first + 1);
        int start = second + 1;
        int end = second < 0 ? -1 : indexOf(entry, ' ', start);
        if (end < 0) {
            throw new IllegalArgumentException("unreadable " + STORE + " entry: no countries");
        }
        if (end - start == 1 && entry[start] == '*') {
            return true;
        }
        byte[] code = country.getBytes(StandardCharsets.UTF_8);
        for (int from = start; from < end; ) {
            int comma = indexOf(entry, ',', from);
            int to = comma < 0 || comma > end ? end : comma;
            if (to - from == code.length && Arrays.equals(entry, from, to, code, 0, code.length)) {
                return true;
            }
            from = to + 1;
        }
        return false;
    }

    /** An entry's events. */
    public static List<Event> decode(byte[] entry) {
        int start = indexOf(entry, '[', 0);
        if (start < 0) {
            throw new IllegalArgumentException("unreadable " + STORE + " entry: no events");
        }
        try {
            return ENTRY.readValue(entry, start, entry.length - start);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + STORE + " entry", e);
        }
    }

    private static int indexOf(byte[] bytes, char c, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
