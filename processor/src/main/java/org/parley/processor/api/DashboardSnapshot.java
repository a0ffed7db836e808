package org.parley.processor.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * {@code /dashboard/snapshot.js}: the dashboard's first data as a script, {@code window.PARLEY_SNAPSHOT =
 * {"dyads": [...], "events": [...], "names": {...}};}. The page loads it with a script element, which holds
 * the page's load event until the data is in: a scripted screenshot ({@code chromium --headless --screenshot})
 * taken at load then shows the data, where data fetched after load came too late for it.
 *
 * <p>The data is what {@code /api/stance/dyads} and {@code /api/events} answer, asked of this same server, so it
 * is gathered across instances the same way; an answer that is not 200 (starting, rebalancing) leaves that part
 * null, and the page then fetches it itself.
 */
final class DashboardSnapshot {
    static final int EVENTS = 200;   // what the dashboard's feed holds

    private final IntSupplier port;
    private final String host;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param authorization the header a request to this API needs, or null when it needs none */
    DashboardSnapshot(IntSupplier port, String bind, String authorization) {
        this.port = port;
        // A wildcard bind answers on loopback too; a specific address is asked where it listens.
        this.host = bind == null || bind.equals("0.0.0.0") || bind.equals("::") || bind.isBlank() ? "127.0.0.1"
                : bind.contains(":") ? "[" + bind + "]" : bind;
        this.authorization = authorization;
    }

    void handle(Context ctx) {
        String json = "{\"dyads\":" + get("/api/stance/dyads?limit=1000000")
                + ",\"events\":" + get("/api/events?limit=" + EVENTS)
                + ",\"names\":" + get("/api/names") + "}";
        // Escapes "<" so that no value can close the script ("</script>" in a sentence stays text).
        ctx.contentType("text/javascript; charset=utf-8").header("Cache-Control", "no-store")
                .result("window.PARLEY_SNAPSHOT = " + json.replace("<", "\\u003c") + ";\n");
    }

    /** The answer's JSON, or {@code null} when it is not a 200. */
    private String get(String path) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port.getAsInt() + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "null";
        } catch (IOException e) {
            return "null";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "null";
        }
    }
}
