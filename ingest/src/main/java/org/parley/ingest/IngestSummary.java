package org.parley.ingest;

import java.util.List;

/**
 * What one ingest call did.
 *
 * @param published  articles the broker acknowledged
 * @param duplicates articles skipped because an article with the same id was already seen in this run
 * @param rejected   inputs that were not published, each with the reason
 */
public record IngestSummary(int published, int duplicates, List<Rejection> rejected) {
    public IngestSummary {
        rejected = List.copyOf(rejected);
    }

    public boolean anyRejected() {
        return !rejected.isEmpty();
    }

    /** The one-line summary the command line prints. */
    public String line() {
        return "published " + published + ", duplicates " + duplicates + ", rejected " + rejected.size();
    }
}
