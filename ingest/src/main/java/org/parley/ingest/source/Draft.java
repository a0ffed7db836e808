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
 * @param fileTime     modification time of the file it came from, or null (stdin)
 */
public record Draft(String origin, Format format, String title, String body, LocalDate metadataDate, String url,
                    String source, Instant fileTime) {
}
