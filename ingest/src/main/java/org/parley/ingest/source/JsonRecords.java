package org.parley.ingest.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.parley.common.Json;

/**
 * Reads one article from a JSON object with the fields {@code title, text, date, url, source}. Only
 * {@code text} is required; unknown fields are ignored. The date may also be in {@code published},
 * {@code published_at}, {@code publishedAt}, {@code datePublished}, ... ({@link #DATE_FIELDS}). A date that is
 * present must be a date: a record whose stated date cannot be read is rejected rather than silently given
 * another date.
 */
public final class JsonRecords {
    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Fields that may hold the publication date, in the order they are tried. */
    static final java.util.List<String> DATE_FIELDS = java.util.List.of("date", "published", "published_at",
            "publishedAt", "datePublished", "date_published", "pubDate", "publish_date", "publication_date");

    private JsonRecords() {
    }

    static Draft parse(String json, String origin, Format format, Instant fileTime) throws BadInputException {
        JsonNode node;
        try {
            node = READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException("malformed JSON: " + describe(e, format));
        }
        return fromNode(node, origin, format, fileTime);
    }

    /** Reads one article from an already parsed JSON value (an element of a posted array, say). */
    public static Draft fromNode(JsonNode node, String origin, Format format, Instant fileTime)
            throws BadInputException {
        if (node == null || node.isMissingNode()) {
            throw new BadInputException("empty: no JSON object");
        }
        if (!node.isObject()) {
            String kind = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            throw new BadInputException("expected one JSON object with a \"text\" field, found " + kind
                    + (node.isArray() && format == Format.JSON ? " (put one article per line in a .jsonl file)" : ""));
        }
        String text = field(node, "text");
        if (text == null || text.isBlank()) {
            throw new BadInputException("JSON object has no \"text\" (or it is blank)");
        }
        LocalDate date = date(node);
        return new Draft(origin, format, blankToNull(field(node, "title")), text, date,
                blankToNull(field(node, "url")), blankToNull(field(node, "source")), fileTime,
                date == null ? null : "json");
    }

    /**
     * The publication date of a JSON article: the first of {@link #DATE_FIELDS} that is present. A present date
     * must be a date (ISO 8601, {@code yyyy/MM/dd}, RFC 1123, or Unix seconds or milliseconds): a record whose
     * stated date cannot be read is rejected rather than silently given another date.
     */
    static LocalDate date(JsonNode node) throws BadInputException {
        for (String name : DATE_FIELDS) {
            String dateText = field(node, name);
            if (dateText != null && !dateText.isBlank()) {
                try {
                    return Dates.parse(dateText);
                } catch (DateTimeParseException e) {
                    throw new BadInputException("field \"" + name + "\" is " + e.getMessage());
                }
            }
        }
        return null;
    }

    private static String field(JsonNode object, String name) throws BadInputException {
        JsonNode v = object.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new BadInputException("field \"" + name + "\" must be a string, found "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** What is wrong with unparseable JSON, in one line, with where (line and column) when known. */
    public static String describe(JsonProcessingException e, Format format) {
        String msg = e.getOriginalMessage();
        int nl = msg == null ? -1 : msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return msg;
        }
        // A JSON line is named by its line already; only the column adds anything.
        return format == Format.JSONL ? msg + " (column " + loc.getColumnNr() + ")"
                : msg + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
