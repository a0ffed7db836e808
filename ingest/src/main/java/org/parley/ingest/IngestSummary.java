package org.parley.ingest;

import java.util.List;

/**
 * What one ingest call did.
 *
 * @param published  articles the broker acknowledged
 * @param duplicates articles skipped because an article with the same id was already seen in this run
 * @param rejected   inputs that were not published, each with the reason
 * @param articles   the published articles and the duplicates, each with its origin and id, in the order
 *                   they were settled (empty when built by the three-argument constructor)
 */
public record IngestSummary(int published, int duplicates, List<Rejection> rejected, List<Ingested> articles) {
    public IngestSummary {
        rejected = List.copyOf(rejected);
        articles = List.copyOf(articles);
    }

    public IngestSummary(int published, int duplicates, List<Rejection> rejected) {
        this(published, duplicates, rejected, List.of());
    }

    public static IngestSummary empty() {
        return new IngestSummary(0, 0, List.of(), List.of());
    }

    /** Both summaries added together, this one's lists first. */
    public IngestSummary plus(IngestSummary other) {
        List<Rejection> r = new java.util.ArrayList<>(rejected);
        r.addAll(other.rejected);
        List<Ingested> a = new java.util.ArrayList<>(articles);
        a.addAll(other.articles);
        return new IngestSummary(published + other.published, duplicates + other.duplicates, r, a);
    }

    public boolean anyRejected() {
        return !rejected.isEmpty();
    }

    /** The one-line summary the command line prints. */
    public String line() {
        return "published " + published + ", duplicates " + duplicates + ", rejected " + rejected.size();
    }
}
