package org.parley.ingest.source;

/** Receives what {@link InputReader} reads, in input order. */
public interface DraftSink {
    void draft(Draft draft);

    void bad(BadInput bad);

    /**
     * An input whose reading (decoding, JSON parsing) may run on another thread: the sink may run
     * {@code reading} later, but keeps its result in input order. By default it is run at once.
     */
    default void later(java.util.function.Supplier<Parsed> reading) {
        Parsed p = reading.get();
        if (p.draft() != null) {
            draft(p.draft());
        } else {
            bad(p.bad());
        }
    }

    /** This many bytes of the current file were read (JSON-lines files report line by line); for progress only. */
    default void consumed(long bytes) {
    }
}
