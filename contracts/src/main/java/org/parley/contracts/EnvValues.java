package org.parley.contracts;

import java.util.Map;

/** Reading numbers from {@code PARLEY_*} environment variables, with one error wording for every part. */
public final class EnvValues {
    private EnvValues() {
    }

    /** The whole number under {@code key}, or {@code dflt} when unset or blank; throws naming the key otherwise. */
    public static int intValue(Map<String, String> env, String key, int dflt) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }

    /** Throws naming {@code key} unless {@code v} is above zero. */
    public static int positive(String key, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + v);
        }
        return v;
    }
}
