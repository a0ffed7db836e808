package org.parley.processor.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.common.Event;

/**
 * The {@value #STORE} store: the latest {@link #PER_COUNTRY} event mentions of each country (as source or as
 * target) per task of the coding step, keyed {@code CODE|SEQUENCE} with a zero-padded arrival sequence per
 * country, so that one range scan reads a country's events in arrival order and the oldest is dropped as a new
 * one comes. Values are the events' JSON, as on the events topic. The store lives beside the coder, in the task
 * of the article's partition, so filing an event moves no record between tasks; a query for one country reads
 * every partition and merges (see {@code GET /api/events}).
 */
public final class RecentEvents {
    public static final String STORE = "recent-events";
    /** How many event mentions each country keeps in each partition. */
    public static final int PER_COUNTRY = 1000;

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
        return country + SEP + String.format(Locale.ROOT, "%019d", sequence);
    }

    /** First key of a country's range (inclusive). */
    public static String from(String country) {
        return country + SEP;
    }

    /** Last key of a country's range (inclusive): sequences are digits, and ':' sorts right after '9'. */
    public static String to(String country) {
        return country + SEP + ':';
    }

    public static long sequence(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(SEP) + 1));
    }
}
