package org.parley.ingest.source;

/** Anything that produces drafts (and bad inputs) for one ingest call: a fetched feed, an HTTP request. */
@FunctionalInterface
public interface ArticleSource {
    void readInto(DraftSink sink);
}
