package org.parley.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.contracts.TopicAdmin;
import org.parley.contracts.metrics.MetricsSettings;
import org.parley.ingest.IngestApp;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingested;
import org.parley.ingest.Ingestor;
import org.parley.ingest.Rejection;
import org.parley.ingest.progress.ProgressBarDisplay;
import org.parley.ingest.publish.PublishException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley ingest}: publishes articles from files, folders or standard input to the articles topic, and
 * with {@code --watch}, {@code --feed} or {@code --http} keeps publishing until stopped (Ctrl-C).
 * Exit code 0 when everything was published, 2 when some inputs were rejected (each is listed on stderr once),
 * 1 when the run could not be done at all (Kafka unreachable, for example).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Clean articles and publish them to the articles topic.",
            "Reads .txt, .html/.htm, .json (one object) and .jsonl (one object per line; fields title, text, "
                    + "date, url, source). Folders are read recursively. With no PATH and no --watch/--feed/--http, "
                    + "or with '-', reads standard input: JSON lines if it starts with '{', otherwise one plain-text "
                    + "article.",
            "With --watch, --feed or --http it keeps running until Ctrl-C, printing one line per file, feed item or "
                    + "request, then the summary.",
            "Exit code: 0 all published, 2 some inputs rejected (listed on stderr), 1 failure."})
public final class IngestCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int SOME_REJECTED = 2;
    /** How long to wait for the broker before giving up with a clear message. */
    static final int REACH_TIMEOUT_SECONDS = 15;
    static final long DEFAULT_MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    DateOption date;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--glob", paramLabel = "GLOB",
            description = "in folders, read only files matching GLOB by name or relative path, e.g. '*.html'")
    String glob;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + IngestOptions.DEFAULT_MAX_BYTES,
            description = "largest file, JSON line, page or posted article accepted, in bytes "
                    + "(default: ${DEFAULT-VALUE})")
    long maxBytes;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar and no line per published article")
    boolean quiet;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "keep publishing files that land or change in DIR (recursively; repeatable)")
    List<Path> watch = new ArrayList<>();

    @Option(names = {"--quiet-period", "--settle"}, paramLabel = "DURATION", defaultValue = "5s",
            converter = DurationConverter.class,
            description = "a watched file is read once its size and modification time are unchanged this long; "
                    + "write elsewhere and rename in to be safe with any writer (default: ${DEFAULT-VALUE})")
    Duration settle;

    @Option(names = "--feed", paramLabel = "URL", description = "poll this RSS or Atom feed (repeatable)")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "time between feed polls, e.g. 30s, 5m, 1h (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--http", paramLabel = "PORT",
            description = "accept articles on POST http://BIND:PORT/api/articles (JSON object or array)")
    Integer httpPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address --http listens on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--max-request-bytes", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_REQUEST_BYTES,
            description = "largest POST body accepted with --http, in bytes (default: ${DEFAULT-VALUE})")
    long maxRequestBytes;

    @Option(names = "--run-for", paramLabel = "DURATION", converter = DurationConverter.class, hidden = true,
            description = "with --watch/--feed/--http: stop after DURATION instead of waiting for Ctrl-C")
    Duration runFor;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "files or folders; '-': standard input")
    List<String> paths = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String invalid = validate();
        if (invalid != null) {
            err.println("parley ingest: " + invalid);
            err.flush();
            return FAILED;
        }
        List<URI> feedUris;
        MetricsSettings metricsSettings;
        try {
            feedUris = feedUris();
            metricsSettings = metricsSettings(!feedUris.isEmpty());
        } catch (IllegalArgumentException e) {
            err.println("parley ingest: " + e.getMessage());
            return FAILED;
        }
        KafkaSettings config = kafka.connect();
        String unreachable = checkReachable(config);
        if (unreachable != null) {
            err.println("parley ingest: " + unreachable);
            return FAILED;
        }
        try {
            TopicAdmin.ensureTopics(config);
        } catch (RuntimeException e) {
            err.println("parley ingest: " + e.getMessage());
            return FAILED;
        }

        boolean longRunning = !watch.isEmpty() || !feedUris.isEmpty() || httpPort != null;
        List<Path> files = new ArrayList<>();
        boolean stdin = paths.isEmpty() && !longRunning;
        for (String p : paths) {
            if ("-".equals(p)) {
                stdin = true;
            } else {
                files.add(Path.of(p));
            }
        }
        IngestSummary total = IngestSummary.empty();
        try (Ingestor ingestor = new Ingestor(config, new IngestOptions(date.date, glob, maxBytes))) {
            if (!files.isEmpty()) {
                try (ProgressBarDisplay bar = new ProgressBarDisplay(!quiet && ProgressBarDisplay.stderrIsTerminal())) {
                    total = total.plus(ingestor.ingest(files, bar));
                }
                printRejections(err, total);
            }
            if (stdin) {
                IngestSummary s = ingestor.ingest(System.in, "stdin");
                printRejections(err, s);
                total = total.plus(s);
            }
            if (longRunning) {
                return runUntilStopped(ingestor, feedUris, metricsSettings, total, out, err);
            }
        } catch (PublishException e) {
            err.println("parley ingest: " + e.getMessage());
            err.flush();
            return FAILED;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("parley ingest: " + e.getMessage());
            err.flush();
            return FAILED;
        }
        err.flush();
        out.println(total.line());
        out.flush();
        return total.anyRejected() ? SOME_REJECTED : OK;
    }

    private String validate() {
        if (maxBytes <= 0) {
            return "--max-bytes must be positive, got " + maxBytes;
        }
        if (maxRequestBytes <= 0) {
            return "--max-request-bytes must be positive, got " + maxRequestBytes;
        }
        for (Path dir : watch) {
            if (!Files.isDirectory(dir)) {
                return "--watch " + dir + ": not a folder";
            }
        }
        if (httpPort != null && (httpPort < 0 || httpPort > 65_535)) {
            return "--http port must be 0..65535, got " + httpPort;
        }
        return null;
    }

    /**
     * The environment's metrics settings with the options on top. Only a long-running ingest serves them: a
     * one-shot run ends before anything could scrape it, so asking for a port there is refused.
     */
    private MetricsSettings metricsSettings(boolean feeds) {
        boolean longRunning = !watch.isEmpty() || feeds || httpPort != null;
        if (metrics.given() && !longRunning) {
            throw new IllegalArgumentException("--metrics-port serves a long-running ingest: add --watch, --feed or "
                    + "--http");
        }
        return metrics.applyTo(MetricsSettings.fromEnv(ParleyEnv.system(), IngestApp.METRICS_PORT));
    }

    private List<URI> feedUris() {
        List<URI> uris = new ArrayList<>();
        for (String f : feeds) {
            try {
                URI u = new URI(f);
                if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())) {
                    throw new IllegalArgumentException("--feed " + f + ": not an http(s) URL");
                }
                uris.add(u);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--feed " + f + ": not a URL (" + e.getMessage() + ")");
            }
        }
        return uris;
    }

    /**
     * Runs the watchers, feed pollers and HTTP endpoint until Ctrl-C (or {@code --run-for}), printing a line per
     * file, item or request, then the summary of the whole run ({@code before} included), and returns the exit code.
     */
    private int runUntilStopped(Ingestor ingestor, List<URI> feedUris, MetricsSettings metricsSettings,
                                IngestSummary before, PrintWriter out, PrintWriter err) {
        IngestApp.Settings settings = new IngestApp.Settings(watch, glob, settle, feedUris, interval, maxBytes, bind,
                httpPort, maxRequestBytes, metricsSettings);
        Consumer<String> status = line -> {
            err.println("parley ingest: " + line);
            err.flush();
        };
        IngestApp app = new IngestApp(ingestor, settings, (origin, s) -> report(out, err, s), status);
        return new Foreground("ingest").run(new Foreground.Session() {
            private boolean started;

            @Override
            public void start() {
                app.start();
                started = true;
                status.accept("press Ctrl-C to stop");
            }

            @Override
            public int close() {
                app.close();
                if (!started) {
                    return FAILED;
                }
                IngestSummary total = before.plus(app.total());
                err.flush();
                out.println(total.line());
                out.flush();
                return total.anyRejected() ? SOME_REJECTED : OK;
            }
        }, runFor);
    }

    /** One line per published or duplicate article on stdout, one per rejection on stderr. */
    private void report(PrintWriter out, PrintWriter err, IngestSummary s) {
        if (!quiet) {
            for (Ingested a : s.articles()) {
                if (a.duplicate()) {
                    out.println("duplicate " + a.origin() + " (article " + a.id() + " already ingested)");
                } else {
                    out.println("published " + a.origin() + " as " + a.id()
                            + (a.id().equals(a.clusterId()) ? "" : " (near-duplicate of cluster " + a.clusterId() + ")"));
                }
            }
            out.flush();
        }
        printRejections(err, s);
    }

    private static void printRejections(PrintWriter err, IngestSummary s) {
        for (Rejection r : s.rejected()) {
            err.println("rejected " + r.origin() + ": " + r.reason());
        }
        err.flush();
    }

    /** Null when the broker answers, else what to tell the user. Bounded, unlike the admin client's defaults. */
    static String checkReachable(KafkaSettings config) {
        Properties props = config.kafkaProperties();
        props.putAll(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(REACH_TIMEOUT_SECONDS * 1000)));
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().clusterId().get(REACH_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return "cannot reach Kafka at " + config.bootstrapServers() + " within " + REACH_TIMEOUT_SECONDS
                    + " s (is a broker running there? set --bootstrap-server or $" + KafkaSettings.BOOTSTRAP_SERVERS
                    + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while connecting to Kafka";
        } catch (RuntimeException e) {
            return "cannot connect to Kafka at " + config.bootstrapServers() + ": " + e.getMessage();
        }
    }

    /** Durations as people write them: 500ms, 30s, 5m, 1h, 1h30m, or ISO-8601 (PT5M). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.startsWith("p")) {
                try {
                    return positive(Duration.parse(v.toUpperCase(Locale.ROOT)), value);
                } catch (DateTimeParseException e) {
                    throw new CommandLine.TypeConversionException("not a duration: '" + value + "'");
                }
            }
            Matcher m = PART.matcher(v);
            Duration d = Duration.ZERO;
            int end = 0;
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
                end = m.end();
            }
            if (end == 0 || end != v.length()) {
                throw new CommandLine.TypeConversionException(
                        "not a duration: '" + value + "' (write e.g. 500ms, 30s, 5m, 1h)");
            }
            return positive(d, value);
        }

        private static Duration positive(Duration d, String value) {
            if (d.isZero() || d.isNegative()) {
                throw new CommandLine.TypeConversionException("duration must be positive: '" + value + "'");
            }
            return d;
        }
    }
}
