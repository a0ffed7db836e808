package org.parley.ingest;

import java.time.LocalDate;

/**
 * How one ingest run reads its input.
 *
 * @param date     publication date for articles whose source carries none (the {@code --date} flag), or null
 * @param glob     only files under a given folder that match this glob are read (matched against the path
 *                 relative to that folder and against the file name), or null for every supported file
 * @param maxBytes largest input accepted: per file, and per line for {@code .jsonl} files and JSON lines on stdin
 */
public record IngestOptions(LocalDate date, String glob, long maxBytes) {
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;

    public IngestOptions {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        if (glob != null && glob.isBlank()) {
            glob = null;
        }
    }

    public static IngestOptions defaults() {
        return new IngestOptions(null, null, DEFAULT_MAX_BYTES);
    }
}
