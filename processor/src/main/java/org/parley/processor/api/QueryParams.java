package org.parley.processor.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reading the API's query and path parameters. Every bad value throws {@link IllegalArgumentException} with the
 * parameter's name and the reason, which the API answers as {@code 400 {"error": "..."}}: one format for all.
 */
final class QueryParams {
    private QueryParams() {
    }

    /** Any positive limit; a large one returns everything (there is no cap). */
    static int limit(Context ctx, int dflt) {
        String s = ctx.queryParam("limit");
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            int limit = Integer.parseInt(s.trim());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as a value that is not positive
        }
        throw new IllegalArgumentException("limit must be a positive number, got '" + s + "'");
    }

    static LocalDate date(String s, LocalDate dflt, String name) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD, got '" + s + "'");
        }
    }

    /** An ISO date or instant, as the UTC day it falls on; null when not given. */
    static LocalDate day(String s, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return s.contains("T") ? Instant.parse(s.trim()).atZone(ZoneOffset.UTC).toLocalDate()
                    : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD or an instant, got '" + s + "'");
        }
    }

    static String code(String s) {
        String c = upper(s);
        if (c == null || !c.matches("[A-Z0-9]{2,8}")) {
            throw new IllegalArgumentException("not an actor code: '" + s + "'");
        }
        return c;
    }

    static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
