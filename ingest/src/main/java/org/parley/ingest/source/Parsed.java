package org.parley.ingest.source;

/** What reading one input gave: a draft, or the reason there is none. Exactly one is set. */
public record Parsed(Draft draft, BadInput bad) {
    public static Parsed of(Draft draft) {
        return new Parsed(draft, null);
    }

    public static Parsed bad(BadInput bad) {
        return new Parsed(null, bad);
    }
}
