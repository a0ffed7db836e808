package org.parley.ingest;

/**
 * Hears how far a bulk file ingest has got, so that a caller can draw a progress bar. Called on the ingesting
 * thread; keep it quick.
 */
public interface IngestProgress {
    /** Reports nothing. */
    IngestProgress NONE = new IngestProgress() {
    };

    /** The inputs are listed: this many files of this many bytes in all are about to be read. */
    default void started(int files, long totalBytes) {
    }

    /** This many more bytes of input were read; {@code articles} articles have been sent so far. */
    default void advanced(long bytes, int articles) {
    }
}
