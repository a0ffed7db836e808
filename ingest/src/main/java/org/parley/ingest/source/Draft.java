package org.parley.ingest.source;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One article as read from its source, before cleaning.
 *
 * @param origin       where it came from: a file path, or {@code file:line}
 * @param format       the format it was read from
 * @param title        headline the source gave, or null (plain text has none: the cleaner may find one)
 * @param body         the raw text, paragraphs separated by blank lines
 * @param metadataDate publication date the source itself states, or null
 * @param url          where the article was published, or null
 * @param source       publisher or site name, or null
 * @param fileTime     modification time of the file it came from, or null (stdin); not a date source (a file's
 *                     time says when it was saved, not when the article was published)
 * @param dateFrom     where {@code metadataDate} came from ({@code html-meta}, {@code json-ld}, {@code time-tag},
 *                     {@code json}, {@code feed}, {@code sidecar}), or null when there is none
 */
public record Draft(String origin, Format format, String title, String body, LocalDate metadataDate, String url,
                    String source, Instant fileTime, String dateFrom) {

    public Draft {
        if (metadataDate == null) {
            dateFrom = null;
        } else if (dateFrom == null) {
            dateFrom = "metadata";
        }
    }

    public Draft(String origin, Format format, String title, String body, LocalDate metadataDate, String url,
                 String source, Instant fileTime) {
        this(origin, format, title, body, metadataDate, url, source, fileTime, null);
    }

    /** This draft with the date (and title, URL, source where it has none) of a sidecar file. */
    public Draft withSidecar(Sidecar s) {
        if (s == null) {
            return this;
        }
        boolean dated = metadataDate == null && s.date() != null;
        return new Draft(origin, format, title != null ? title : s.title(), body,
                dated ? s.date() : metadataDate, url != null ? url : s.url(), source != null ? source : s.source(),
                fileTime, dated ? "sidecar" : dateFrom);
    }
}
