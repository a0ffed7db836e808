package org.parley.contracts;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The one reader of Parley's {@code PARLEY_*} environment variables: every part's settings record reads its own
 * variables through it, so that an unset or blank value means the default everywhere and a bad one is refused
 * in one wording, naming the variable. Every variable is listed in docs/configuration.md.
 */
public final class ParleyEnv {
    private final Map<String, String> env;

    private ParleyEnv(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** This process's environment. */
    public static ParleyEnv system() {
        return new ParleyEnv(System.getenv());
    }

    public static ParleyEnv of(Map<String, String> env) {
        return new ParleyEnv(env);
    }

    /** No variables set: every setting at its default. */
    public static ParleyEnv empty() {
        return new ParleyEnv(Map.of());
    }

    /** The value under {@code key}, stripped, or null when unset or blank. */
    public String get(String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public String string(String key, String dflt) {
        String v = get(key);
        return v == null ? dflt : v;
    }

    public Path path(String key, Path dflt) {
        String v = get(key);
        return v == null ? dflt : Path.of(v);
    }

    /** A whole number; throws naming the key when it is not one. */
    public int integer(String key, int dflt) {
        return (int) number(key, dflt, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A whole number above zero; throws naming the key otherwise. */
    public int positiveInt(String key, int dflt) {
        return requirePositive(key, integer(key, dflt));
    }

    public long longValue(String key, long dflt) {
        return number(key, dflt, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** {@code true} or {@code false} (any case); throws naming the key otherwise. */
    public boolean flag(String key, boolean dflt) {
        String v = get(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
        };
    }

    /** Throws naming {@code key} unless {@code v} is above zero: for values given on the command line too. */
    public static int requirePositive(String key, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + v);
        }
        return v;
    }

    private long number(String key, long dflt, long min, long max) {
        String v = get(key);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + env.get(key) + "'");
        }
    }
}
