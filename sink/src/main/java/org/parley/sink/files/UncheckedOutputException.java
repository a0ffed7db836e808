package org.parley.sink.files;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A write to the output directory failed; the message names the file. */
public final class UncheckedOutputException extends UncheckedIOException {
    public UncheckedOutputException(String message, IOException cause) {
        super(message + ": " + describe(cause), cause);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}
