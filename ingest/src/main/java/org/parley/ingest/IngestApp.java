package org.parley.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.parley.contracts.metrics.MetricsEndpoint;
import org.parley.contracts.metrics.MetricsSettings;
import org.parley.ingest.feed.FeedPoller;
import org.parley.ingest.http.ArticleServer;
import org.parley.ingest.metrics.IngestMetrics;
import org.parley.ingest.watch.FolderWatcher;

/**
 * Long-running ingest, the front door of {@code parley ingest --watch/--feed/--http}: the folder watchers, the feed
 * poller and the HTTP endpoint, each publishing through the given {@link Ingestor}. It owns their threads and the
 * order they stop in. Commands only map their options onto {@link Settings}; the command line handles the
 * process's shutdown.
 */
public final class IngestApp implements AutoCloseable {
    /** The port of the standalone ingest's {@code /metrics}; unset: none (docs/configuration.md). */
    public static final String METRICS_PORT = "PARLEY_INGEST_METRICS_PORT";

    /**
     * What to run.
     *
     * @param watch           folders to watch (recursively); empty for none
     * @param glob            in watched folders, read only files matching this glob, or null for all
     * @param settle          how long a watched file must stay unchanged before it is read
     * @param feeds           RSS or Atom feeds to poll; empty for none
     * @param interval        time between feed polls
     * @param maxBytes        largest feed page or posted article accepted, in bytes
     * @param httpBind        address the HTTP endpoint listens on
     * @param httpPort        port of the HTTP endpoint (0: any free port), or null for no endpoint
     * @param maxRequestBytes largest POST body accepted
     * @param metrics         where to serve {@code /metrics}, if anywhere
     */
    public record Settings(List<Path> watch, String glob, Duration settle, List<URI> feeds, Duration interval,
                           long maxBytes, String httpBind, Integer httpPort, long maxRequestBytes,
                           MetricsSettings metrics) {
        public Settings {
            watch = List.copyOf(watch);
            feeds = List.copyOf(feeds);
            metrics = metrics == null ? MetricsSettings.off() : metrics;
        }

        /** Without a metrics endpoint. */
        public Settings(List<Path> watch, String glob, Duration settle, List<URI> feeds, Duration interval,
                        long maxBytes, String httpBind, Integer httpPort, long maxRequestBytes) {
            this(watch, glob, settle, feeds, interval, maxBytes, httpBind, httpPort, maxRequestBytes, null);
        }

        /** Whether there is anything to run. */
        public boolean any() {
            return !watch.isEmpty() || !feeds.isEmpty() || httpPort != null;
        }
    }

    private final Ingestor ingestor;
    private final Settings settings;
    private final BiConsumer<String, IngestSummary> onEach;
    private final Consumer<String> onStatus;
    private final List<FolderWatcher> watchers = new ArrayList<>();
    private FeedPoller poller;
    private ArticleServer server;
    private volatile MetricsEndpoint metrics;
    private IngestSummary total;

    /**
     * @param onEach   told of each file, feed item or request (its origin) with what became of it; called on the
     *                 source's thread
     * @param onStatus told, one line each, what started ("watching DIR ...")
     */
    public IngestApp(Ingestor ingestor, Settings settings, BiConsumer<String, IngestSummary> onEach,
                     Consumer<String> onStatus) {
        this.ingestor = ingestor;
        this.settings = settings;
        this.onEach = onEach;
        this.onStatus = onStatus;
    }

    /** Starts the watchers, the poller and the endpoint; on a failure, whatever started is closed again. */
    public synchronized IngestApp start() {
        try {
            for (Path dir : settings.watch()) {
                watchers.add(new FolderWatcher(ingestor, dir, settings.glob(), settings.settle(),
                        (file, s) -> onEach.accept(String.valueOf(file), s)).start());
                onStatus.accept("watching " + dir + " (files are read once quiet for " + human(settings.settle())
                        + ")");
            }
            if (!settings.feeds().isEmpty()) {
                poller = new FeedPoller(ingestor, settings.feeds(), settings.interval(), settings.maxBytes(),
                        (origin, s) -> onEach.accept(String.valueOf(origin), s)).start();
                onStatus.accept("polling " + settings.feeds().size() + " feed(s) every " + human(settings.interval()));
            }
            if (settings.httpPort() != null) {
                server = new ArticleServer(ingestor, settings.maxRequestBytes(), settings.maxBytes(),
                        (origin, s) -> onEach.accept(String.valueOf(origin), s)).start(settings.httpBind(), settings.httpPort());
                onStatus.accept("accepting POST http://" + settings.httpBind() + ":" + server.port()
                        + ArticleServer.PATH);
            }
            startMetrics();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** With a metrics port: {@code /metrics} with the JVM's meters and the running totals of every source. */
    private void startMetrics() {
        MetricsSettings m = settings.metrics();
        if (!m.enabled()) {
            return;
        }
        MetricsEndpoint endpoint = new MetricsEndpoint();
        IngestMetrics.bind(endpoint.registry(), this, ingestor);
        try {
            metrics = endpoint.start(m.bind(), m.port());
        } catch (RuntimeException e) {
            endpoint.close();
            throw e;
        }
        onStatus.accept("metrics on http://" + m.bind() + ":" + metrics.port() + MetricsEndpoint.PATH);
    }

    /** The port {@code /metrics} is served on, or -1 without it. */
    public int metricsPort() {
        MetricsEndpoint m = metrics;
        return m == null ? -1 : m.port();
    }

    /** The port the HTTP endpoint listens on, or -1 without one. */
    public synchronized int httpPort() {
        return server == null ? -1 : server.port();
    }

    /** What the sources published in all: so far while running, the final count once closed. */
    public synchronized IngestSummary total() {
        if (total != null) {
            return total;
        }
        IngestSummary sum = IngestSummary.empty();
        if (server != null) {
            sum = sum.plus(server.total());
        }
        if (poller != null) {
            sum = sum.plus(poller.total());
        }
        for (FolderWatcher w : watchers) {
            sum = sum.plus(w.total());
        }
        return sum;
    }

    /** Stops the metrics, the endpoint, then the poller, then the watchers; safe to call more than once. */
    @Override
    public void close() {
        // Outside the lock: a scrape in progress reads total(), which takes it.
        MetricsEndpoint m = metrics;
        if (m != null) {
            m.close();
        }
        closeSources();
    }

    private synchronized void closeSources() {
        if (total != null) {
            return;
        }
        IngestSummary sum = IngestSummary.empty();
        if (server != null) {
            server.close();
            sum = sum.plus(server.total());
        }
        if (poller != null) {
            poller.close();
            sum = sum.plus(poller.total());
        }
        for (FolderWatcher w : watchers) {
            w.close();
            sum = sum.plus(w.total());
        }
        total = sum;
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
