package org.parley.ingest.source;

/** Thrown inside the reader when one input must be rejected; the reason is shown to the user as is. */
final class BadInputException extends Exception {
    BadInputException(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
