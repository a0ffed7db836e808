package org.parley.contracts.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} in Prometheus text for a standalone part: the JVM's meters plus whatever the part registers
 * on {@link #registry()}. The JDK's own HTTP server, so that the sink needs no web framework for one path.
 */
public final class MetricsEndpoint implements AutoCloseable {
    public static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AutoCloseable jvm = JvmMeters.bindTo(registry);
    private HttpServer server;
    private ExecutorService executor;

    /** Where the part registers its own meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The text {@code /metrics} answers with. */
    public String scrape() {
        return registry.scrape();
    }

    /** Listens on {@code bind:port} (0: any free port); throws {@link IllegalStateException} when it cannot. */
    public synchronized MetricsEndpoint start(String bind, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot serve metrics on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        // One thread: scrapes are rare and cheap; a daemon so that a forgotten close never holds the JVM.
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parley-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** The port listened on, or -1 before {@link #start}. */
    public synchronized int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "not found: only " + PATH + " is served here\n");
            } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "method not allowed\n");
            } else {
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                send(exchange, 200, scrape());
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot answer {}: {}", PATH, e.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops listening and releases the JVM listeners; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
        try {
            jvm.close();
        } catch (Exception e) {
            LOG.debug("cannot close the GC meters: {}", e.toString());
        }
        registry.close();
    }
}
