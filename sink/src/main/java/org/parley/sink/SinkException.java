package org.parley.sink;

/** A fault the sink cannot work around (the output directory cannot be written, say): the sink stops. */
public final class SinkException extends RuntimeException {
    public SinkException(String message) {
        super(message);
    }

    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
