package org.parley.processor.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parley.common.Event;

/**
 * The {@value #STORE} store: recent event mentions of each country (as source or as target), filed per article
 * in the coding step's task: one entry per country an article's events involve, holding the entry's arrival
 * sequence (per country and task) and those events as a JSON array (as on the events topic). Entries are keyed
 * {@code CODE|SLOT}, the slot being the sequence modulo {@link #ARTICLES_PER_COUNTRY} (zero-padded): a ring, so
 * that a new entry overwrites the oldest and nothing is ever deleted (a delete was one more changelog record, a
 * tombstone, per article and country). Each country keeps the events of its latest
 * {@link #ARTICLES_PER_COUNTRY} articles in each partition. Filing beside the coder moves no record between
 * tasks; a query for one country reads every partition and merges (see {@code GET /api/events}).
 *
 * <p>An entry's bytes: the sequence in ASCII digits, one space, then the JSON array.
 */
public final class RecentEvents {
    /** Named apart from the former {@code recent-events} (keyed by sequence, with a delete per entry). */
    public static final String STORE = "recent-events-ring";
    /** How many articles' events each country keeps in each partition. */
    public static final int ARTICLES_PER_COUNTRY = 250;

    private static final char SEP = '|';

    private RecentEvents() {
    }

    /** The countries an event is filed under: its source, and its target when there is one. */
    public static List<String> countriesOf(Event e) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(e.source().code());
        if (e.target() != null) {
            codes.add(e.target().code());
        }
        return new ArrayList<>(codes);
    }

    /** The key of a country's slot ({@code sequence % ARTICLES_PER_COUNTRY} for an entry). */
    public static String key(String country, long slot) {
        // Zero-padded so that keys sort as numbers; by hand, as String.format showed up in profiles.
        String digits = Long.toString(slot);
        return country + SEP + "0".repeat(19 - digits.length()) + digits;
    }

    /** First key of a country's range (inclusive). */
    public static String from(String country) {
        return country + SEP;
    }

    /** Last key of a country's range (inclusive): sequences are digits, and ':' sorts right after '9'. */
    public static String to(String country) {
        return country + SEP + ':';
    }

    /** An entry's value: its sequence and the events' JSON array. */
    public static byte[] entry(long sequence, byte[] jsonArray) {
        byte[] digits = (sequence + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(digits, digits.length + jsonArray.length);
        System.arraycopy(jsonArray, 0, out, digits.length, jsonArray.length);
        return out;
    }

    /** Bytes an entry of this sequence adds to its JSON array. */
    public static int entryOverhead(long sequence) {
        return Long.toString(sequence).length() + 1;
    }

    /** The sequence after the highest of these entries of one country (a ring: not the last slot's), or 0. */
    public static long nextSequence(java.util.Iterator<org.apache.kafka.streams.KeyValue<String, byte[]>> entries) {
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

    /** An entry's events. */
    public static List<Event> decode(byte[] entry) {
        int start = 0;
        while (start < entry.length && entry[start] != '[') {
            start++;
        }
        try {
            return ENTRY.readValue(entry, start, entry.length - start);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("unreadable " + STORE + " entry", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectReader ENTRY =
            org.parley.common.Json.mapper().readerForListOf(Event.class);

    /** The slot of a key (see {@link #key}). */
    public static long sequence(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(SEP) + 1));
    }
}
