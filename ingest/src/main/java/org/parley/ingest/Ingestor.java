package org.parley.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.common.Article;
import org.parley.contracts.DeadLetter;
import org.parley.contracts.KafkaOutage;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;
import org.parley.ingest.dedup.NearDuplicateIndex;
import org.parley.ingest.dedup.RecentKeys;
import org.parley.ingest.publish.ArticlePublisher;
import org.parley.ingest.publish.PublishException;
import org.parley.ingest.source.ArticleSource;
import org.parley.ingest.source.BadInput;
import org.parley.ingest.source.Draft;
import org.parley.ingest.source.DraftSink;
import org.parley.ingest.source.InputReader;
import org.parley.ingest.source.Parsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads articles from files, folders or standard input, cleans them and publishes each as one record on the
 * articles topic, keyed by its id.
 *
 * <ul>
 *   <li>Each article is one record, so none is ever half-published. A file holding many articles (JSON lines)
 *       is not all-or-nothing: each good line is published and each bad line rejected as {@code file:line}.</li>
 *   <li>An article counts as published only once the broker has acknowledged it.</li>
 *   <li>An article whose id was already seen by this ingestor is counted as a duplicate and not sent again.
 *       Across runs the id is the record key, so downstream deduplicates by it.</li>
 *   <li>Near-duplicates (wire copies) get the cluster id of the first copy this ingestor saw.</li>
 *   <li>Every rejection is returned in the summary (for the caller to report, once) and written to the
 *       dead-letter topic with the component and origin headers; it is logged at DEBUG only.</li>
 * </ul>
 *
 * Thread-safe: calls are serialised, so a watched folder, feeds and the HTTP endpoint can share one ingestor
 * (and its duplicate and cluster memory). {@link PublishException} (unchecked) means Kafka could not be
 * reached; the articles it did not acknowledge are forgotten, so that ingesting the same input again once it
 * is back sends exactly those (the acknowledged ones count as duplicates).
 */
public final class Ingestor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);
    static final String COMPONENT = "ingest";
    /** Sends in flight before the ingestor waits for their acknowledgements. */
    static final int MAX_PENDING = 2000;
    /**
     * Drafts being cleaned ahead of publishing. Cleaning, ids and fingerprints run on worker threads (they take
     * most of a bulk ingest's time); everything that depends on order (duplicates, clusters, sending) stays on
     * the calling thread and sees the articles in input order, so the results are the same as one thread's.
     */
    static final int CLEANING_AHEAD = 256;

    private final IngestOptions options;
    private final Clock clock;
    private final InputReader reader;
    private final ArticleBuilder builder;
    private final IngestBounds bounds;
    private final NearDuplicateIndex clusters;
    /** Article ids (of their text) sent or being sent; the least recently seen forgotten beyond the bound. */
    private final RecentKeys seen;
    private final ArticlePublisher publisher;
    private final ExecutorService cleaners;

    /** With the memory bounds of the environment ({@link IngestBounds.fromEnv(ParleyEnv.system())}). */
    public Ingestor(KafkaSettings config, IngestOptions options) {
        this(config, options, IngestBounds.fromEnv(ParleyEnv.system()), Clock.systemUTC());
    }

    public Ingestor(KafkaSettings config, IngestOptions options, IngestBounds bounds) {
        this(config, options, bounds, Clock.systemUTC());
    }

    Ingestor(KafkaSettings config, IngestOptions options, IngestBounds bounds, Clock clock) {
        this.bounds = bounds;
        this.clusters = new NearDuplicateIndex(NearDuplicateIndex.DEFAULT_MAX_DISTANCE, bounds.clusterTexts());
        this.seen = new RecentKeys(bounds.seenIds(), "article ids (" + IngestBounds.MAX_SEEN_IDS
                + "): an older article read again is sent again, and the processor drops it");
        this.options = options;
        this.clock = clock;
        this.reader = new InputReader(options.maxBytes());
        this.builder = new ArticleBuilder(options.date(), clock);
        this.publisher = new ArticlePublisher(config);
        AtomicInteger threads = new AtomicInteger();
        this.cleaners = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "parley-ingest-clean-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** What this ingestor, and the feed pollers that share it, remember at most. */
    public IngestBounds bounds() {
        return bounds;
    }

    /** Ingests files and folders (walked recursively; see {@link IngestOptions#glob()}). */
    public IngestSummary ingest(List<Path> paths) {
        return ingest(paths, IngestProgress.NONE);
    }

    /** Ingests files and folders, telling {@code progress} how far it has got. */
    public synchronized IngestSummary ingest(List<Path> paths, IngestProgress progress) {
        Run run = new Run();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                files.addAll(reader.listFolder(p, options.glob(), run));
            } else {
                files.add(p);
            }
        }
        long[] sizes = new long[files.size()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = sizeOrZero(files.get(i));
            total += sizes[i];
        }
        progress.started(files.size(), total);
        for (int i = 0; i < sizes.length; i++) {
            run.fileConsumed = 0;
            run.progress = progress;
            reader.readFile(files.get(i), run);
            long rest = sizes[i] - run.fileConsumed;
            progress.advanced(Math.max(rest, 0), run.sent);
        }
        run.progress = IngestProgress.NONE;
        IngestSummary summary = run.finish();
        // Articles still being cleaned when the last byte was read are sent by finish(): report them too.
        progress.advanced(0, run.sent);
        return summary;
    }

    /**
     * Reads a file again after it changed. With {@code articleKey} (the id its first version was published
     * under) the file's article is published as a new version of that article: same id and record key, new
     * text. Text already published (the same version saved again) is a duplicate. Without a key, the same as
     * {@link #ingest(List)} for one file.
     */
    public synchronized IngestSummary ingestVersion(Path file, String articleKey) {
        Run run = new Run();
        run.versionKey = articleKey;
        reader.readFile(file, run);
        return run.finish();
    }

    /** Ingests standard input: JSON lines if the first non-blank line starts with '{', else one text article. */
    public synchronized IngestSummary ingest(Reader stdin, String originName) {
        Run run = new Run();
        reader.readStdin(stdin, originName, run);
        return run.finish();
    }

    /** Ingests standard input as bytes, so that an encoding error is reported on the line it is on. */
    public synchronized IngestSummary ingest(InputStream stdin, String originName) {
        Run run = new Run();
        reader.readStdin(stdin, originName, run);
        return run.finish();
    }

    /**
     * Ingests what a source hands over (a fetched feed item, an HTTP request); returns once every article of it
     * is acknowledged or rejected.
     */
    public synchronized IngestSummary ingest(ArticleSource source) {
        Run run = new Run();
        source.readInto(run);
        return run.finish();
    }

    /**
     * Records a rejection found outside the reader (a feed that cannot be fetched, say): logged, written to the
     * dead-letter topic and returned as a summary of one rejection.
     */
    public synchronized IngestSummary reject(String origin, String reason) {
        Run run = new Run();
        run.bad(new BadInput(origin, reason, null));
        return run.finish();
    }

    /**
     * True while Kafka is known to be away and the next attempt is not yet due: callers that must answer at
     * once (the HTTP endpoint) refuse, and watchers skip a scan, instead of waiting for the client timeouts.
     * Not synchronized, so it answers even while another caller waits on the broker.
     */
    public boolean kafkaAway() {
        return publisher.outage().waiting();
    }

    /** How long until the next attempt is due while Kafka is away; a short wait otherwise. */
    public Duration retryDelay() {
        Duration d = publisher.outage().untilRetry();
        return d.isZero() ? KafkaOutage.MIN_BACKOFF : d;
    }

    /** True from the first failed attempt of an outage until a send gets through again. */
    public boolean kafkaDown() {
        return publisher.outage().isDown();
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        cleaners.shutdownNow();
        publisher.close();
    }

    /** A draft made ready for publishing on a worker thread, or a bad input waiting for its turn. */
    private record Step(Draft draft, ArticleBuilder.Built built, NearDuplicateIndex.Signature signature,
                        BadInput bad) {
    }

    private Step prepare(java.util.function.Supplier<Parsed> reading) {
        Parsed p = reading.get();
        return p.draft() != null ? prepare(p.draft()) : new Step(null, null, null, p.bad());
    }

    private Step prepare(Draft draft) {
        ArticleBuilder.Built built = builder.build(draft);
        return new Step(draft, built, built.article() == null ? null
                : NearDuplicateIndex.signature(built.article().text()), null);
    }

    /** The counts of one ingest call. */
    private final class Run implements DraftSink {
        private int published;
        private int duplicates;
        private int sent;
        private long fileConsumed;
        private IngestProgress progress = IngestProgress.NONE;
        private final List<Rejection> rejected = new ArrayList<>();
        private final List<Ingested> articles = new ArrayList<>();

        @Override
        public void consumed(long bytes) {
            fileConsumed += bytes;
            progress.advanced(bytes, sent);
        }

        private final Deque<Future<Step>> ahead = new ArrayDeque<>();
        /** The article id a new version is published under, or null; used by the first article only. */
        private String versionKey;
        /** For a new version sent in this run: its text's id (what {@code seen} holds) by the id it is sent under. */
        private final Map<String, String> versionOf = new HashMap<>();

        @Override
        public void draft(Draft draft) {
            ahead.add(cleaners.submit(() -> prepare(draft)));
            drain(CLEANING_AHEAD);
        }

        @Override
        public void later(java.util.function.Supplier<Parsed> reading) {
            ahead.add(cleaners.submit(() -> prepare(reading)));
            drain(CLEANING_AHEAD);
        }

        @Override
        public void bad(BadInput bad) {
            ahead.add(CompletableFuture.completedFuture(new Step(null, null, null, bad)));
            drain(CLEANING_AHEAD);
        }

        /** Handles prepared steps, oldest first, until at most {@code keep} are left in flight. */
        private void drain(int keep) {
            while (ahead.size() > keep) {
                Step step;
                try {
                    step = ahead.poll().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while cleaning articles", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException("cleaning failed: " + e.getCause(), e.getCause());
                }
                if (step.bad() != null) {
                    reject(step.bad().origin(), step.bad().reason(), step.bad().payload());
                } else {
                    publish(step);
                }
            }
        }

        private void publish(Step step) {
            Draft draft = step.draft();
            ArticleBuilder.Built built = step.built();
            if (built.article() == null) {
                reject(draft.origin(), built.refusal(), null);
                return;
            }
            Article article = built.article();
            String textId = article.id();
            if (!seen.add(textId)) {
                duplicates++;
                articles.add(new Ingested(draft.origin(), article.id(), null, true));
                LOG.debug("{}: duplicate of article {} already ingested", draft.origin(), article.id());
                return;
            }
            article = article.withClusterId(clusters.clusterOf(article.id(), step.signature()));
            if (versionKey != null) {
                article = asVersionOf(article, versionKey);
                versionOf.put(article.id(), textId);
                versionKey = null;
            }
            try {
                publisher.send(article, draft.origin());
            } catch (PublishException e) {
                // Not queued: forget it, so that the next attempt sends it; settle what was queued before it.
                seen.remove(textId);
                settle();
                throw e;
            }
            sent++;
            if (publisher.pending() >= MAX_PENDING) {
                settle();
            }
        }

        /** The article under the id of the article it is a new version of; seen stays keyed by its text. */
        private Article asVersionOf(Article a, String key) {
            String cluster = a.clusterId().equals(a.id()) ? key : a.clusterId();
            return new Article(key, a.title(), a.text(), a.date(), a.dateSource(), a.url(), a.source(),
                    a.translatedBy(), a.originalLanguage(), cluster, a.ingestedAt(), a.dateFrom());
        }

        /**
         * Counts the outcomes of every send so far. Articles lost to an outage are forgotten (so that reading
         * their input again sends them) and end this run with {@link PublishException}.
         */
        private void settle() {
            Exception away = null;
            for (ArticlePublisher.Outcome o : publisher.awaitAll()) {
                if (o.ok()) {
                    published++;
                    articles.add(new Ingested(o.origin(), o.article().id(), o.article().clusterId(), false));
                } else if (o.outage()) {
                    seen.remove(versionOf.getOrDefault(o.article().id(), o.article().id()));
                    away = o.error();
                } else {
                    seen.remove(versionOf.getOrDefault(o.article().id(), o.article().id()));
                    reject(o.origin(), "not published: " + o.error().getMessage(), null);
                }
            }
            if (away != null) {
                throw publisher.unavailable(away);
            }
        }

        private void reject(String origin, String reason, String payload) {
            LOG.debug("rejected {}: {}", origin, reason);
            rejected.add(new Rejection(origin, reason));
            publisher.deadLetter(DeadLetter.ofInput(COMPONENT, origin, reason, payload, clock.instant()));
        }

        IngestSummary finish() {
            drain(0);
            settle();
            return new IngestSummary(published, duplicates, rejected, articles);
        }
    }
}
