package org.parley.ingest;

import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.common.Article;
import org.parley.common.DeadLetter;
import org.parley.common.ParleyConfig;
import org.parley.ingest.dedup.NearDuplicateIndex;
import org.parley.ingest.publish.ArticlePublisher;
import org.parley.ingest.publish.PublishException;
import org.parley.ingest.source.BadInput;
import org.parley.ingest.source.Draft;
import org.parley.ingest.source.DraftSink;
import org.parley.ingest.source.InputReader;
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
 *   <li>Every rejection is logged at WARN, returned in the summary and written to the dead-letter topic with
 *       the component and origin headers.</li>
 * </ul>
 *
 * Not thread-safe: one ingestor serves one run. {@link PublishException} (unchecked) means Kafka could not be
 * reached or refused all publishing; nothing after it is counted as published.
 */
public final class Ingestor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);
    static final String COMPONENT = "ingest";
    /** Sends in flight before the ingestor waits for their acknowledgements. */
    static final int MAX_PENDING = 2000;

    private final IngestOptions options;
    private final Clock clock;
    private final InputReader reader;
    private final ArticleBuilder builder;
    private final NearDuplicateIndex clusters = new NearDuplicateIndex();
    private final Set<String> seen = new HashSet<>();
    private final ArticlePublisher publisher;

    public Ingestor(ParleyConfig config, IngestOptions options) {
        this(config, options, Clock.systemUTC());
    }

    Ingestor(ParleyConfig config, IngestOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.reader = new InputReader(options.maxBytes());
        this.builder = new ArticleBuilder(options.date(), clock);
        this.publisher = new ArticlePublisher(config);
    }

    /** Ingests files and folders (walked recursively; see {@link IngestOptions#glob()}). */
    public IngestSummary ingest(List<Path> paths) {
        Run run = new Run();
        reader.read(paths, options.glob(), run);
        return run.finish();
    }

    /** Ingests standard input: JSON lines if the first non-blank line starts with '{', else one text article. */
    public IngestSummary ingest(Reader stdin, String originName) {
        Run run = new Run();
        reader.readStdin(stdin, originName, run);
        return run.finish();
    }

    @Override
    public void close() {
        publisher.close();
    }

    /** The counts of one ingest call. */
    private final class Run implements DraftSink {
        private int published;
        private int duplicates;
        private final List<Rejection> rejected = new ArrayList<>();

        @Override
        public void draft(Draft draft) {
            ArticleBuilder.Built built = builder.build(draft);
            if (built.article() == null) {
                reject(draft.origin(), built.refusal(), null);
                return;
            }
            Article article = built.article();
            if (!seen.add(article.id())) {
                duplicates++;
                LOG.debug("{}: duplicate of article {} already ingested", draft.origin(), article.id());
                return;
            }
            article = article.withClusterId(clusters.clusterOf(article.id(), article.text()));
            publisher.send(article, draft.origin());
            if (publisher.pending() >= MAX_PENDING) {
                settle();
            }
        }

        @Override
        public void bad(BadInput bad) {
            reject(bad.origin(), bad.reason(), bad.payload());
        }

        private void settle() {
            for (ArticlePublisher.Outcome o : publisher.awaitAll()) {
                if (o.ok()) {
                    published++;
                } else {
                    seen.remove(o.article().id());
                    reject(o.origin(), "not published: " + o.error().getMessage(), null);
                }
            }
        }

        private void reject(String origin, String reason, String payload) {
            LOG.warn("rejected {}: {}", origin, reason);
            rejected.add(new Rejection(origin, reason));
            publisher.deadLetter(new DeadLetter(COMPONENT, origin, reason, payload, clock.instant()));
        }

        IngestSummary finish() {
            settle();
            return new IngestSummary(published, duplicates, rejected);
        }
    }
}
