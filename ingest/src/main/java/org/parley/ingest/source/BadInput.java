package org.parley.ingest.source;

/**
 * An input that cannot become an article.
 *
 * @param origin  a file path, or {@code file:line}
 * @param reason  why, readable by a person
 * @param payload the offending input (a JSON line, say), possibly truncated, or null when it is not text
 */
public record BadInput(String origin, String reason, String payload) {
}
