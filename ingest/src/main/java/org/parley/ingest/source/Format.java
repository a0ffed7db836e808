package org.parley.ingest.source;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The input formats ingest reads, chosen by file extension. */
public enum Format {
    /** Plain text: an optional headline line, then paragraphs separated by blank lines. */
    TXT,
    /** An HTML page: jsoup extracts the headline, the paragraphs and the metadata. */
    HTML,
    /** One JSON object with the fields title, text, date, url, source. */
    JSON,
    /** One such JSON object per line. */
    JSONL;

    public static final String SUPPORTED = ".txt, .html, .htm, .json, .jsonl";

    public static Optional<Format> of(Path file) {
        Path name = file.getFileName();
        return name == null ? Optional.empty() : ofName(name.toString());
    }

    public static Optional<Format> ofName(String fileName) {
        String ext = extension(fileName);
        return switch (ext) {
            case "txt", "text" -> Optional.of(TXT);
            case "html", "htm" -> Optional.of(HTML);
            case "json" -> Optional.of(JSON);
            case "jsonl", "ndjson" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    /** Lower-case extension without the dot, or "" when there is none. */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
