package org.parley.ingest;

/**
 * One input that was not published.
 *
 * @param origin where it came from: a file path, or {@code file:line} for one line of a JSON-lines input
 * @param reason why, readable by a person
 */
public record Rejection(String origin, String reason) {
    @Override
    public String toString() {
        return origin + ": " + reason;
    }
}
