package org.parley.ingest.source;

/** Receives what {@link InputReader} reads, in input order. */
public interface DraftSink {
    void draft(Draft draft);

    void bad(BadInput bad);
}
