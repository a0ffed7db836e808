package org.parley.ingest.publish;

/** Kafka could not take the articles at all (unreachable, not authorised, timed out): the run cannot go on. */
public final class PublishException extends RuntimeException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
