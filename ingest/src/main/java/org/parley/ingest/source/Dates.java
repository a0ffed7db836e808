package org.parley.ingest.source;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Reads publication dates as sources write them. A timestamp gives the date at its own offset: an article
 * stamped 23:30 in New York was published on that New York day.
 */
public final class Dates {
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME,
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS][.SS][.S]xx", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][xxx][xx][X]", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT),
            DateTimeFormatter.RFC_1123_DATE_TIME);

    private Dates() {
    }

    /** The date, or throws {@link DateTimeParseException} when no known form fits. */
    public static LocalDate parse(String text) {
        String s = text.trim();
        if (s.matches("\\d{10}|\\d{13}")) {
            // Unix time, in seconds or milliseconds, as many APIs write it: the UTC day.
            long n = Long.parseLong(s);
            return LocalDate.ofInstant(java.time.Instant.ofEpochMilli(s.length() == 10 ? n * 1000 : n),
                    java.time.ZoneOffset.UTC);
        }
        for (DateTimeFormatter f : FORMATS) {
            try {
                TemporalAccessor t = f.parse(s);
                return LocalDate.from(t);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new DateTimeParseException("not a date: '" + s + "' (expected ISO 8601, e.g. 2025-02-27 or "
                + "2025-02-27T10:00:00Z)", s, 0);
    }

    /** The date, or null when the text is blank or no known form fits. */
    public static LocalDate parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
