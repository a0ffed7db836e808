package org.parley.processor.subscribe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.parley.common.Event;
import org.parley.contracts.EventHeaders;

/**
 * Which events a subscriber wants, judged from the record headers alone (see {@link EventHeaders}). Every
 * condition given must hold; a condition may list alternatives. Empty sets mean "any".
 *
 * <p>Text form (used by {@code PARLEY_DERIVED_TOPICS} and {@code --derived}): comma-separated terms
 * {@code country:RUS}, {@code dyad:RUS:UKR}, {@code root:19}, {@code quad:4}; alternatives with {@code |}, e.g.
 * {@code country:RUS,quad:3|4}.
 *
 * @param countries actor codes of which one must be the source or the target
 * @param dyads     {@code SRC->TGT} dyads of which one must match the source and target exactly
 * @param roots     two-digit CAMEO roots
 * @param quads     quad classes 1-4
 */
public record EventFilter(Set<String> countries, Set<String> dyads, Set<String> roots, Set<Integer> quads) {
    public static final EventFilter ANY = new EventFilter(Set.of(), Set.of(), Set.of(), Set.of());

    public EventFilter {
        countries = Set.copyOf(countries);
        dyads = Set.copyOf(dyads);
        roots = Set.copyOf(roots);
        quads = Set.copyOf(quads);
        for (int q : quads) {
            if (q < 1 || q > 4) {
                throw new IllegalArgumentException("quad class must be 1..4, got " + q);
            }
        }
    }

    /** From the command-line style options; null or empty means "any". */
    public static EventFilter of(String country, String dyad, String root, Integer quad) {
        return new EventFilter(
                country == null ? Set.of() : Set.of(actorCode(country)),
                dyad == null ? Set.of() : Set.of(dyadKey(dyad)),
                root == null ? Set.of() : Set.of(normaliseRoot(root)),
                quad == null ? Set.of() : Set.of(quad));
    }

    /**
     * From HTTP query parameters, as {@code /api/events} and {@code /api/stream/events} take them (blank means
     * "any"). A value that could never match is refused with the reason, so both answer the same 400.
     */
    public static EventFilter ofQuery(String country, String dyad, String root, String quad) {
        Integer quadClass = null;
        if (!blank(quad)) {
            try {
                quadClass = Integer.valueOf(quad.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("quad must be a quad class 1..4, got '" + quad + "'");
            }
        }
        return of(blank(country) ? null : country, blank(dyad) ? null : dyad, blank(root) ? null : root, quadClass);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Parses the text form, e.g. {@code country:RUS,quad:4}. */
    public static EventFilter parse(String text) {
        Set<String> countries = new TreeSet<>();
        Set<String> dyads = new TreeSet<>();
        Set<String> roots = new TreeSet<>();
        Set<Integer> quads = new TreeSet<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty filter: give at least one of country:, dyad:, root:, quad:");
        }
        for (String term : text.split(",")) {
            String t = term.trim();
            int colon = t.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("filter term '" + t + "' is not KEY:VALUE (keys: country, dyad, "
                        + "root, quad)");
            }
            String key = t.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            for (String value : t.substring(colon + 1).split("\\|")) {
                String v = value.trim();
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("filter term '" + t + "' has an empty value");
                }
                switch (key) {
                    case "country" -> countries.add(actorCode(v));
                    case "dyad" -> dyads.add(dyadKey(v));
                    case "root" -> roots.add(normaliseRoot(v));
                    case "quad" -> quads.add(parseQuad(v));
                    default -> throw new IllegalArgumentException("unknown filter key '" + key
                            + "' in '" + t + "' (keys: country, dyad, root, quad)");
                }
            }
        }
        return new EventFilter(countries, dyads, roots, quads);
    }

    /** True when the headers of an event record satisfy every condition. */
    public boolean matches(Headers headers) {
        return matches(header(headers, EventHeaders.SOURCE), header(headers, EventHeaders.TARGET),
                header(headers, EventHeaders.ROOT), header(headers, EventHeaders.QUAD_CLASS));
    }

    public boolean matches(Event e) {
        return matches(e.source().code(), e.target() == null ? null : e.target().code(), e.root(),
                Integer.toString(e.quadClass()));
    }

    private boolean matches(String source, String target, String root, String quad) {
        if (!countries.isEmpty() && !(countries.contains(source) || (target != null && countries.contains(target)))) {
            return false;
        }
        if (!dyads.isEmpty() && (target == null || !dyads.contains(source + "->" + target))) {
            return false;
        }
        if (!roots.isEmpty() && !roots.contains(root)) {
            return false;
        }
        if (!quads.isEmpty()) {
            try {
                return quad != null && quads.contains(Integer.parseInt(quad));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The text form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        List<String> terms = new ArrayList<>();
        if (!countries.isEmpty()) {
            terms.add("country:" + String.join("|", new TreeSet<>(countries)));
        }
        if (!dyads.isEmpty()) {
            terms.add("dyad:" + String.join("|", new TreeSet<>(dyads)).replace("->", ":"));
        }
        if (!roots.isEmpty()) {
            terms.add("root:" + String.join("|", new TreeSet<>(roots)));
        }
        if (!quads.isEmpty()) {
            terms.add("quad:" + String.join("|", new TreeSet<>(quads).stream().map(String::valueOf).toList()));
        }
        return terms.isEmpty() ? "any" : String.join(",", terms);
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String dyadKey(String dyad) {
        String[] parts = dyad.trim().toUpperCase(Locale.ROOT).split(":|->");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("dyad must be SOURCE:TARGET, e.g. RUS:UKR, got '" + dyad + "'");
        }
        return actorCode(parts[0]) + "->" + actorCode(parts[1]);
    }

    /**
     * An actor code as events carry them: 2-8 letters or digits (USA, EU, NATO), or {@code ---} for an actor of
     * unknown country. Anything else could never match, so it is refused rather than silently matching nothing.
     */
    private static String actorCode(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9]{2,8}|---")) {
            throw new IllegalArgumentException("not an actor code: '" + code + "' (2-8 letters or digits, e.g. RUS)");
        }
        return c;
    }

    private static String normaliseRoot(String root) {
        String r = root.trim();
        try {
            int n = Integer.parseInt(r);
            if (n < 1 || n > 20) {
                throw new IllegalArgumentException("CAMEO root must be 01..20, got '" + root + "'");
            }
            return String.format(Locale.ROOT, "%02d", n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CAMEO root must be a number 01..20, got '" + root + "'");
        }
    }

    private static int parseQuad(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quad class must be 1..4, got '" + v + "'");
        }
    }
}
