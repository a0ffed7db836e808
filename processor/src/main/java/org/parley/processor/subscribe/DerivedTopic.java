package org.parley.processor.subscribe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.contracts.ParleyEnv;

/**
 * A topic the user declares, to which the processor copies every event mention that matches a filter (with
 * the same key, value and headers as on the events topic).
 *
 * <p>Declared in {@code PARLEY_DERIVED_TOPICS} (or {@code --derived}) as {@code NAME=FILTER} entries separated
 * by {@code ;}, e.g. {@code rus-conflict=country:RUS,quad:4;usa-chn=dyad:USA:CHN}. The name is the full topic
 * name; see {@link EventFilter} for the filter syntax and docs/subscribing.md.
 */
public record DerivedTopic(String name, EventFilter filter) {
    public static final String ENV = "PARLEY_DERIVED_TOPICS";

    public DerivedTopic {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("derived topic name must be 1-249 letters, digits, '.', '_' or '-': '"
                    + name + "'");
        }
    }

    /** The derived topics declared in the environment ({@value #ENV}); none when unset. */
    public static List<DerivedTopic> fromEnv(ParleyEnv env) {
        String v = env.get(ENV);
        try {
            return v == null ? List.of() : parseAll(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@code NAME=FILTER;NAME=FILTER...}. */
    public static List<DerivedTopic> parseAll(String text) {
        List<DerivedTopic> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            DerivedTopic t = parse(entry);
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("derived topic '" + t.name() + "' is declared twice");
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    /** Parses one {@code NAME=FILTER} entry. */
    public static DerivedTopic parse(String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("derived topic entry '" + entry.trim()
                    + "' is not NAME=FILTER, e.g. rus-conflict=country:RUS,quad:4");
        }
        String name = entry.substring(0, eq).trim();
        try {
            return new DerivedTopic(name, EventFilter.parse(entry.substring(eq + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("derived topic '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + "=" + filter;
    }
}
