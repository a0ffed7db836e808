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
                "--disable-sync", "--disable-dev-shm-usage", "--remote-debugging-port=0", "--window-size=1400,1000",
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
        ObjectNode params = Json.mapper().createObjectNode().put("expression", expression).put("returnByValue", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").get("value");
    }

    /** Sends one DevTools command and returns its result. */
    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode req = Json.mapper().createObjectNode().put("id", id).put("method", method);
        req.set("params", params);
        socket.sendText(Json.mapper().writeValueAsString(req), true).get(10, TimeUnit.SECONDS);
        JsonNode answer = f.get(20, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /**
     * Clicks the centre of the first element matching {@code selector} as a user would: a real mouse press and
     * release at its position (so it must be visible and on top), not a script calling click().
     */
    public void click(String selector) throws Exception {
        String quoted = Json.mapper().writeValueAsString(selector);
        JsonNode at = eval("(() => { const e = document.querySelector(" + quoted + "); if (!e) return null;"
                + " e.scrollIntoView({block: 'center', inline: 'center'}); const r = e.getBoundingClientRect();"
                + " return [r.left + r.width / 2, r.top + r.height / 2]; })()");
        if (at == null || at.isNull()) {
            throw new IllegalStateException("nothing matches " + selector);
        }
        for (String type : new String[] {"mouseMoved", "mousePressed", "mouseReleased"}) {
            ObjectNode p = Json.mapper().createObjectNode().put("type", type).put("x", at.get(0).asDouble())
                    .put("y", at.get(1).asDouble());
            if (!type.equals("mouseMoved")) {
                p.put("button", "left").put("clickCount", 1);
            }
            call("Input.dispatchMouseEvent", p);
        }
    }

    /** Reloads the page (a new document: state held in its scripts is gone). */
    public void reload() throws Exception {
        call("Page.reload", Json.mapper().createObjectNode().put("ignoreCache", true));
    }

    /** Writes a PNG of the whole page as it is now. */
    public Path screenshot(Path png) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Json.mapper().createObjectNode().put("format", "png")
                .put("captureBeyondViewport", true));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, java.util.Base64.getDecoder().decode(shot.get("data").asText()));
        return png;
    }

    /**
     * What {@code chromium --headless --screenshot=PNG URL} shows, run as a user would run it, and the page's
     * DOM at the same moment ({@code --dump-dom}: both are taken once the page has loaded).
     */
    public static String screenshotFromTheCommandLine(String url, Path png) throws Exception {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Path profile = Files.createTempDirectory("parley-chromium-cli-");
        try {
            run(profile, "--screenshot=" + png.toAbsolutePath(), url);
            return run(profile, "--dump-dom", url);
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }

    private static String run(Path profile, String what, String url) throws Exception {
        Path out = profile.resolve("out-" + ids() + ".txt");
        Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile
                + "/data", what, url).redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium " + what + " did not finish in 60 s");
        }
        return Files.readString(out);
    }

    private static long ids() {
        return System.nanoTime();
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
