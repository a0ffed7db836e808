package org.parley.processor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.parley.common.Json;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol with the JDK's own HTTP and WebSocket
 * clients: opens one page and evaluates JavaScript in it.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Starts Chromium on {@code url} with a fresh profile and connects to the page. */
    public static HeadlessChromium open(String url) throws Exception {
        Path profile = Files.createTempDirectory("parley-chromium-");
        Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, url)
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            Awaitility.await("Chromium's DevTools port").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("Chromium exited: " + log(profile));
                        }
                        return Files.exists(portFile) && !Files.readAllLines(portFile).isEmpty();
                    });
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
            HttpClient http = HttpClient.newHttpClient();
            String[] pageSocket = new String[1];
            Awaitility.await("a page target").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        JsonNode targets = Json.mapper().readTree(http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                                HttpResponse.BodyHandlers.ofString()).body());
                        for (JsonNode t : targets) {
                            if ("page".equals(t.path("type").asText())) {
                                pageSocket[0] = t.get("webSocketDebuggerUrl").asText();
                            }
                        }
                        return pageSocket[0] != null;
                    });
            HeadlessChromium[] self = new HeadlessChromium[1];
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket[0]), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    self[0].received(data, last);
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(p, profile, ws);
            return self[0];
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private static String log(Path profile) {
        try {
            return Files.readString(profile.resolve("chromium.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private synchronized void received(CharSequence data, boolean last) {
        partial.append(data);
        if (!last) {
            return;
        }
        try {
            JsonNode msg = Json.mapper().readTree(partial.toString());
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null) {
                    f.complete(msg);
                }
            }
        } catch (IOException e) {
            // not a message we wait for
        } finally {
            partial.setLength(0);
        }
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON (null when undefined). */
    public JsonNode eval(String expression) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode req = Json.mapper().createObjectNode().put("id", id).put("method", "Runtime.evaluate");
        req.putObject("params").put("expression", expression).put("returnByValue", true);
        socket.sendText(Json.mapper().writeValueAsString(req), true).get(10, TimeUnit.SECONDS);
        JsonNode answer = f.get(20, TimeUnit.SECONDS);
        JsonNode result = answer.path("result");
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").get("value");
    }

    @Override
    public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (Stream<Path> paths = Files.walk(profile)) {
                List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
                all.forEach(x -> x.toFile().delete());
            }
        }
    }

}
