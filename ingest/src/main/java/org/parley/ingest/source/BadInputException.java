package org.parley.ingest.source;

/** Thrown inside the reader when one input must be rejected; the reason is shown to the user as is. */
public final class BadInputException extends Exception {
    public BadInputException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
