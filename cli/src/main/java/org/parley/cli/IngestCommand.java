package org.parley.cli;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.parley.common.ParleyConfig;
import org.parley.common.TopicAdmin;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingestor;
import org.parley.ingest.Rejection;
import org.parley.ingest.publish.PublishException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley ingest}: publishes articles from files, folders or standard input to the articles topic.
 * Exit code 0 when everything was published, 2 when some inputs were rejected (each is listed on stderr),
 * 1 when the run could not be done at all (Kafka unreachable, for example).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Clean articles and publish them to the articles topic.",
            "Reads .txt, .html/.htm, .json (one object) and .jsonl (one object per line; fields title, text, "
                    + "date, url, source). Folders are read recursively. With no PATH, or '-', reads standard "
                    + "input: JSON lines if it starts with '{', otherwise one plain-text article.",
            "Exit code: 0 all published, 2 some inputs rejected (listed on stderr), 1 failure."})
public final class IngestCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int SOME_REJECTED = 2;
    /** How long to wait for the broker before giving up with a clear message. */
    static final int REACH_TIMEOUT_SECONDS = 15;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "publication date for articles whose source states none (else: the file's time)")
    LocalDate date;

    @Option(names = "--glob", paramLabel = "GLOB",
            description = "in folders, read only files matching GLOB by name or relative path, e.g. '*.html'")
    String glob;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + IngestOptions.DEFAULT_MAX_BYTES,
            description = "largest file (or JSON line) accepted, in bytes (default: ${DEFAULT-VALUE})")
    long maxBytes;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "files or folders; '-' or none: standard input")
    List<String> paths = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxBytes <= 0) {
            err.println("parley ingest: --max-bytes must be positive, got " + maxBytes);
            return FAILED;
        }
        ParleyConfig config = kafka.config();
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

        List<Path> files = new ArrayList<>();
        boolean stdin = paths.isEmpty();
        for (String p : paths) {
            if ("-".equals(p)) {
                stdin = true;
            } else {
                files.add(Path.of(p));
            }
        }
        int published = 0;
        int duplicates = 0;
        List<Rejection> rejected = new ArrayList<>();
        try (Ingestor ingestor = new Ingestor(config, new IngestOptions(date, glob, maxBytes))) {
            List<IngestSummary> parts = new ArrayList<>();
            if (!files.isEmpty()) {
                parts.add(ingestor.ingest(files));
            }
            if (stdin) {
                parts.add(ingestor.ingest(strictUtf8(), "stdin"));
            }
            for (IngestSummary s : parts) {
                published += s.published();
                duplicates += s.duplicates();
                rejected.addAll(s.rejected());
            }
        } catch (PublishException e) {
            err.println("parley ingest: " + e.getMessage());
            return FAILED;
        }
        for (Rejection r : rejected) {
            err.println("rejected " + r.origin() + ": " + r.reason());
        }
        err.flush();
        out.println(new IngestSummary(published, duplicates, rejected).line());
        out.flush();
        return rejected.isEmpty() ? OK : SOME_REJECTED;
    }

    /** Standard input decoded strictly, so that bytes that are not UTF-8 are reported, not replaced. */
    private static Reader strictUtf8() {
        return new InputStreamReader(System.in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Null when the broker answers, else what to tell the user. Bounded, unlike the admin client's defaults. */
    static String checkReachable(ParleyConfig config) {
        Properties props = config.kafkaProperties();
        props.putAll(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(REACH_TIMEOUT_SECONDS * 1000)));
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().clusterId().get(REACH_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return "cannot reach Kafka at " + config.bootstrapServers() + " within " + REACH_TIMEOUT_SECONDS
                    + " s (is a broker running there? set --bootstrap-server or $" + ParleyConfig.BOOTSTRAP_SERVERS
                    + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while connecting to Kafka";
        } catch (RuntimeException e) {
            return "cannot connect to Kafka at " + config.bootstrapServers() + ": " + e.getMessage();
        }
    }
}
