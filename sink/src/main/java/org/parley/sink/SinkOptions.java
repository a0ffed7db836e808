package org.parley.sink;

import java.util.Locale;
import org.parley.contracts.ParleyEnv;
import org.parley.sink.events.EventLog;
import org.parley.sink.events.Rotation;

/**
 * How the sink rotates events.jsonl, and whether it also writes the GDELT export.
 *
 * @param rotation when to rotate
 * @param maxBytes size at which {@link Rotation#SIZE} rotates
 * @param gzip     whether rotated files are compressed (events-YYYY-MM-DD[-n].jsonl.gz)
 * @param gdelt    whether events are also exported as GDELT 2.0 event rows (gdelt/events-YYYYMMDD.export.CSV)
 * @param maxIds   how many of the latest event ids the sink remembers against duplicates (see {@link EventLog})
 */
public record SinkOptions(Rotation rotation, long maxBytes, boolean gzip, boolean gdelt, int maxIds) {
    public static final String ROTATE = "PARLEY_SINK_ROTATE";
    public static final String ROTATE_BYTES = "PARLEY_SINK_ROTATE_BYTES";
    public static final String GZIP = "PARLEY_SINK_GZIP";
    public static final String GDELT = "PARLEY_SINK_GDELT";
    public static final String MAX_IDS = "PARLEY_SINK_MAX_IDS";
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** Every environment variable {@link #fromEnv} reads. */
    public static final java.util.List<String> ENV_KEYS = java.util.List.of(ROTATE, ROTATE_BYTES, GZIP, GDELT,
            MAX_IDS);

    public SinkOptions {
        if (rotation == null) {
            throw new IllegalArgumentException("rotation must be none, daily or size");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("rotation size must be positive, got " + maxBytes);
        }
        if (maxIds <= 0) {
            throw new IllegalArgumentException(MAX_IDS + " must be positive, got " + maxIds);
        }
    }

    /** With the default id bound. */
    public SinkOptions(Rotation rotation, long maxBytes, boolean gzip, boolean gdelt) {
        this(rotation, maxBytes, gzip, gdelt, EventLog.DEFAULT_MAX_IDS);
    }

    /** Without the GDELT export. */
    public SinkOptions(Rotation rotation, long maxBytes, boolean gzip) {
        this(rotation, maxBytes, gzip, false);
    }

    /** Daily rotation, no compression, no GDELT export. */
    public static SinkOptions defaults() {
        return new SinkOptions(Rotation.DAILY, DEFAULT_MAX_BYTES, false, false);
    }

    /**
     * Reads {@value #ROTATE} (none, daily, size), {@value #ROTATE_BYTES}, {@value #GZIP} (true, false),
     * {@value #GDELT} (true, false) and {@value #MAX_IDS}.
     */
    public static SinkOptions fromEnv(ParleyEnv env) {
        String rotate = env.get(ROTATE);
        return new SinkOptions(rotate == null ? Rotation.DAILY : rotation(rotate), bytes(env),
                env.flag(GZIP, false), env.flag(GDELT, false), env.integer(MAX_IDS, EventLog.DEFAULT_MAX_IDS));
    }

    public static Rotation rotation(String s) {
        try {
            return Rotation.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ROTATE + " must be none, daily or size, got '" + s + "'");
        }
    }

    private static long bytes(ParleyEnv env) {
        try {
            return env.longValue(ROTATE_BYTES, DEFAULT_MAX_BYTES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ROTATE_BYTES + " must be a number of bytes, got '" + env.get(ROTATE_BYTES)
                    + "'");
        }
    }

    public SinkOptions withRotation(Rotation r, long bytes) {
        return new SinkOptions(r, bytes, gzip, gdelt, maxIds);
    }

    public SinkOptions withGzip(boolean g) {
        return new SinkOptions(rotation, maxBytes, g, gdelt, maxIds);
    }

    public SinkOptions withGdelt(boolean g) {
        return new SinkOptions(rotation, maxBytes, gzip, g, maxIds);
    }
}
