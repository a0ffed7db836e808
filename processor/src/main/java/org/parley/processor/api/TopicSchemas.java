package org.parley.processor.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /api/schemas} and {@code /api/schemas/{topic}}: the JSON Schema (2020-12) of each public topic's record
 * values, the files of docs/schemas/ (built into the jar), named by topic without its prefix.
 */
final class TopicSchemas {
    /** Topic (without prefix) to schema file. */
    static final Map<String, String> FILES = new TreeMap<>(Map.of(
            "articles", "article.schema.json",
            "events", "event.schema.json",
            "stance.dyad", "dyad-stance.schema.json",
            "stance.daily", "dyad-stance.schema.json",
            "stance.country", "country-stance.schema.json"));

    private TopicSchemas() {
    }

    static void list(Context ctx) {
        Map<String, String> links = new TreeMap<>();
        FILES.keySet().forEach(t -> links.put(t, "/api/schemas/" + t));
        ctx.json(links);
    }

    static void one(Context ctx) {
        String topic = ctx.pathParam("topic");
        String file = FILES.get(topic);
        if (file == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no schema for topic '" + topic + "' (topics: "
                    + String.join(", ", FILES.keySet()) + ")"));
            return;
        }
        try (InputStream in = TopicSchemas.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("schemas/" + file + " is not in the jar");
            }
            ctx.contentType("application/schema+json").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
