package org.parley.ingest;

/**
 * One article an ingest call accepted: published (acknowledged by the broker) or skipped as a duplicate.
 *
 * @param origin    where it came from: a file path, {@code file:line}, a page URL or a request element
 * @param id        the article id (hash of the normalised text)
 * @param clusterId the near-duplicate cluster it joined; for a duplicate, null (it was not published again)
 * @param duplicate true when an article with the same id was already ingested by this ingestor
 */
public record Ingested(String origin, String id, String clusterId, boolean duplicate) {
}
