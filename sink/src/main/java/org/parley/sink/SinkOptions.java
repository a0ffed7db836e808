package org.parley.sink;

import java.util.Locale;
import java.util.Map;
import org.parley.sink.events.Rotation;

/**
 * How the sink rotates events.jsonl.
 *
 * @param rotation when to rotate
 * @param maxBytes size at which {@link Rotation#SIZE} rotates
 * @param gzip     whether rotated files are compressed (events-YYYY-MM-DD[-n].jsonl.gz)
 */
public record SinkOptions(Rotation rotation, long maxBytes, boolean gzip) {
    public static final String ROTATE = "PARLEY_SINK_ROTATE";
    public static final String ROTATE_BYTES = "PARLEY_SINK_ROTATE_BYTES";
    public static final String GZIP = "PARLEY_SINK_GZIP";
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** Every environment variable {@link #fromEnv(Map)} reads. */
    public static final java.util.List<String> ENV_KEYS = java.util.List.of(ROTATE, ROTATE_BYTES, GZIP);

    public SinkOptions {
        if (rotation == null) {
            throw new IllegalArgumentException("rotation must be none, daily or size");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("rotation size must be positive, got " + maxBytes);
        }
    }

    /** Daily rotation, no compression. */
    public static SinkOptions defaults() {
        return new SinkOptions(Rotation.DAILY, DEFAULT_MAX_BYTES, false);
    }

    public static SinkOptions fromEnv() {
        return fromEnv(System.getenv());
    }

    /** Reads {@value #ROTATE} (none, daily, size), {@value #ROTATE_BYTES} and {@value #GZIP} (true, false). */
    public static SinkOptions fromEnv(Map<String, String> env) {
        return new SinkOptions(
                rotation(env.getOrDefault(ROTATE, "daily")),
                bytes(env.get(ROTATE_BYTES)),
                Boolean.parseBoolean(env.getOrDefault(GZIP, "false").trim()));
    }

    public static Rotation rotation(String s) {
        try {
            return Rotation.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ROTATE + " must be none, daily or size, got '" + s + "'");
        }
    }

    private static long bytes(String s) {
        if (s == null || s.isBlank()) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ROTATE_BYTES + " must be a number of bytes, got '" + s + "'");
        }
    }

    public SinkOptions withRotation(Rotation r, long bytes) {
        return new SinkOptions(r, bytes, gzip);
    }

    public SinkOptions withGzip(boolean g) {
        return new SinkOptions(rotation, maxBytes, g);
    }
}
