package org.parley.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.parley.common.Json;

/**
 * What a scraper saved beside an article file: {@code NAME.meta.json} next to {@code NAME.txt} (or
 * {@code .html}, {@code .json}), a JSON object with any of {@code date} (or another field {@link JsonRecords}
 * reads a date from), {@code title}, {@code url}, {@code source}. The article's own metadata wins; the sidecar
 * fills what it lacks. Folder walks skip sidecars: they are read with their article.
 */
public record Sidecar(LocalDate date, String title, String url, String source) {
    public static final String SUFFIX = ".meta.json";

    public static boolean isSidecar(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(SUFFIX);
    }

    /** The sidecar of an article file, or null when there is none; a sidecar that cannot be read is bad input. */
    static Sidecar of(Path articleFile) throws BadInputException {
        Path name = articleFile.getFileName();
        if (name == null) {
            return null;
        }
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        Path side = articleFile.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + SUFFIX);
        if (!Files.isRegularFile(side)) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(new String(Files.readAllBytes(side), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInputException("sidecar " + side.getFileName() + ": malformed JSON: "
                    + JsonRecords.describe(e, Format.JSON));
        } catch (IOException e) {
            throw new BadInputException("sidecar " + side.getFileName() + ": cannot read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException("sidecar " + side.getFileName() + ": expected one JSON object");
        }
        try {
            LocalDate date = JsonRecords.date(node);
            return new Sidecar(date, text(node, "title"), text(node, "url"), text(node, "source"));
        } catch (BadInputException e) {
            throw new BadInputException("sidecar " + side.getFileName() + ": " + e.reason());
        } catch (DateTimeParseException e) {
            throw new BadInputException("sidecar " + side.getFileName() + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }
}
