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
 * {@code text} is required; unknown fields are ignored. A {@code date} that is present must be a date: a record
 * whose stated date cannot be read is rejected rather than silently given another date.
 */
public final class JsonRecords {
    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        String dateText = field(node, "date");
        LocalDate date = null;
        if (dateText != null && !dateText.isBlank()) {
            try {
                date = Dates.parse(dateText);
            } catch (DateTimeParseException e) {
                throw new BadInputException("field \"date\" is " + e.getMessage());
            }
        }
        return new Draft(origin, format, blankToNull(field(node, "title")), text, date,
                blankToNull(field(node, "url")), blankToNull(field(node, "source")), fileTime);
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
