package org.parley.sink.stance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A key of the daily stance topic, {@code SRC->TGT@YYYY-MM-DD}. The day names a file, so it is parsed strictly
 * as an ISO date and the file name is made from the parsed date, never from the raw text.
 *
 * @param dyad the dyad part, e.g. {@code RUS->USA}
 * @param day  the day of the window
 */
public record DailyKey(String dyad, LocalDate day) {
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Parses a key, throwing {@link IllegalArgumentException} with the reason when it is not one. */
    public static DailyKey parse(String key) {
        if (key == null) {
            throw new IllegalArgumentException("daily stance record has no key");
        }
        int at = key.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("daily stance key '" + key + "' is not SRC->TGT@YYYY-MM-DD");
        }
        String day = key.substring(at + 1);
        if (!ISO_DAY.matcher(day).matches()) {
            throw new IllegalArgumentException("daily stance key '" + key + "' has no ISO date (YYYY-MM-DD) after '@'");
        }
        try {
            return new DailyKey(key.substring(0, at), LocalDate.parse(day));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("daily stance key '" + key + "' has an impossible date: "
                    + e.getMessage());
        }
    }

    /** The file name of this day's snapshot: {@code YYYY-MM-DD.json}. */
    public String fileName() {
        return fileName(day);
    }

    public static String fileName(LocalDate day) {
        return day + ".json";
    }
}
