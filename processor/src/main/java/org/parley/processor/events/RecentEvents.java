package org.parley.processor.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parley.common.Event;

/**
 * The {@value #STORE} store: recent event mentions of each country (as source or as target), filed per article
 * in the coding step's task: one entry per country an article's events involve, holding those events as a JSON
 * array (as on the events topic), keyed {@code CODE|SEQUENCE} with a zero-padded arrival sequence per country.
 * One range scan reads a country's entries in arrival order, and the oldest is dropped as a new one comes, so
 * each country keeps the events of its latest {@link #ARTICLES_PER_COUNTRY} articles in each partition. Filing
 * beside the coder moves no record between tasks; a query for one country reads every partition and merges
 * (see {@code GET /api/events}).
 */
public final class RecentEvents {
    public static final String STORE = "recent-events";
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

    public static String key(String country, long sequence) {
        // Zero-padded so that keys sort as numbers; by hand, as String.format showed up in profiles.
        String digits = Long.toString(sequence);
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

    /** An entry's events. */
    public static List<Event> decode(byte[] entry) {
        try {
            return ENTRY.readValue(entry);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("unreadable " + STORE + " entry", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectReader ENTRY =
            org.parley.common.Json.mapper().readerForListOf(Event.class);

    public static long sequence(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(SEP) + 1));
    }
}
