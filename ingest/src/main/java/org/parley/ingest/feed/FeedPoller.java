package org.parley.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.parley.ingest.IngestBounds;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingestor;
import org.parley.ingest.dedup.RecentKeys;
import org.parley.ingest.publish.PublishException;
import org.parley.ingest.source.BadInputException;
import org.parley.ingest.source.Draft;
import org.parley.ingest.source.Format;
import org.parley.ingest.source.PageText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS and Atom feeds and publishes each new item's page.
 *
 * <ul>
 *   <li>Feeds are fetched with a conditional GET: the ETag and Last-Modified of the last answer go back as
 *       If-None-Match and If-Modified-Since, and a 304 answer costs nothing more.</li>
 *   <li>An item is new when its guid (or, without one, its link) was not seen before by this poller; seen
 *       items are remembered for the life of the process, up to a bound per feed ({@link IngestBounds#feedItems},
 *       least recently listed forgotten first). Items are read oldest first, so that the first copy of a wire
 *       story names its near-duplicate cluster.</li>
 *   <li>Each new item's page is fetched and its article text extracted with jsoup (the {@code <article>}, else
 *       the block with the most paragraph text). The title and date come from the feed item, falling back to
 *       the page's; the source is the feed's title.</li>
 *   <li>A feed that cannot be fetched or parsed, and a page that cannot be fetched or holds no article, is a
 *       rejection naming the feed or page URL. An item is tried once: a broken page is not fetched again.
 *       An item that could not be published because Kafka was away is not "seen": it is tried again once
 *       the outage's backoff has run out, and so on until Kafka is back.</li>
 * </ul>
 */
public final class FeedPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    static final String USER_AGENT = "parley-ingest/0.1";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What is remembered of one feed between polls. */
    private static final class FeedState {
        final URI uri;
        String etag;
        String lastModified;
        /** Least recently listed forgotten first: items a feed still lists are never forgotten below the bound. */
        final RecentKeys seen;

        FeedState(URI uri, int maxItems) {
            this.uri = uri;
            this.seen = new RecentKeys(maxItems, "items of feed " + uri + " (" + IngestBounds.MAX_FEED_ITEMS
                    + "): an older item it lists again is fetched again, and its article dropped as a duplicate");
        }
    }

    private final Ingestor ingestor;
    private final List<FeedState> feeds = new ArrayList<>();
    private final Duration interval;
    private final long maxPageBytes;
    private final HttpClient http;
    private final BiConsumer<String, IngestSummary> onItem;
    private ScheduledExecutorService timer;
    private IngestSummary total = IngestSummary.empty();

    /**
     * @param maxPageBytes largest feed or page body read
     * @param onItem       told of each item (origin: the page URL) and each failed feed (origin: the feed URL)
     *                     with what became of it; called on the poller's thread
     */
    public FeedPoller(Ingestor ingestor, List<URI> feedUris, Duration interval, long maxPageBytes,
                      BiConsumer<String, IngestSummary> onItem) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.ingestor = ingestor;
        for (URI u : feedUris) {
            feeds.add(new FeedState(u, ingestor.bounds().feedItems()));
        }
        this.interval = interval;
        this.maxPageBytes = maxPageBytes;
        this.onItem = onItem;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Polls every feed now and then every interval on a thread of its own, until closed. A poll cut short by a
     * Kafka outage is tried again after the outage's backoff rather than a whole interval later.
     */
    public synchronized FeedPoller start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-feeds");
            t.setDaemon(true);
            return t;
        });
        timer.execute(this::pollAndReschedule);
        return this;
    }

    private void pollAndReschedule() {
        Duration next = interval;
        try {
            pollOnce();
        } catch (PublishException e) {
            // Logged once per outage by the publisher; the unpublished items are tried again soon.
            LOG.debug("feed poll cut short: {}", e.getMessage());
            next = ingestorRetryDelay();
        } catch (RuntimeException e) {
            LOG.warn("feed poll failed: {}", e.getMessage());
        }
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
        }
        if (!t.isShutdown()) {
            t.schedule(this::pollAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Duration ingestorRetryDelay() {
        Duration wait = ingestor.retryDelay();
        return wait.compareTo(interval) < 0 ? wait : interval;
    }

    /** Polls every feed once and returns what was published, skipped and rejected. */
    public synchronized IngestSummary pollOnce() {
        IngestSummary polled = IngestSummary.empty();
        for (FeedState feed : feeds) {
            polled = polled.plus(poll(feed));
        }
        total = total.plus(polled);
        return polled;
    }

    /** Everything since the poller started. */
    public synchronized IngestSummary total() {
        return total;
    }

    private IngestSummary poll(FeedState feed) {
        String origin = feed.uri.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(feed.uri).timeout(TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8");
        if (feed.etag != null) {
            request.header("If-None-Match", feed.etag);
        }
        if (feed.lastModified != null) {
            request.header("If-Modified-Since", feed.lastModified);
        }
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPageBytes + 1));
            }
        } catch (IOException e) {
            return failed(origin, "cannot fetch feed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IngestSummary.empty();
        }
        if (response.statusCode() == 304) {
            LOG.debug("{}: not modified", origin);
            return IngestSummary.empty();
        }
        if (response.statusCode() / 100 != 2) {
            return failed(origin, "cannot fetch feed: HTTP " + response.statusCode());
        }
        if (body.length > maxPageBytes) {
            return failed(origin, "feed too large: over " + maxPageBytes + " bytes");
        }
        SyndFeed parsed;
        try {
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body), contentType, true));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            return failed(origin, "not a readable RSS or Atom feed: " + describe(e));
        }
        List<SyndEntry> entries = new ArrayList<>(parsed.getEntries());
        Collections.reverse(entries);
        IngestSummary polled = IngestSummary.empty();
        for (SyndEntry entry : entries) {
            String key = firstNonBlank(entry.getUri(), entry.getLink());
            if (key == null || !feed.seen.add(key)) {
                continue;
            }
            try {
                polled = polled.plus(item(feed.uri, parsed, entry));
            } catch (PublishException e) {
                // Kafka is away: this item is new again, and the feed must not answer 304 next time.
                feed.seen.remove(key);
                throw e;
            }
        }
        // Remember the validators only once every item was handled, so that a broken answer or an item cut
        // short by an outage is fetched again.
        feed.etag = response.headers().firstValue("ETag").orElse(null);
        feed.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        return polled;
    }

    private IngestSummary item(URI feedUri, SyndFeed feed, SyndEntry entry) {
        String link = entry.getLink();
        if (link == null || link.isBlank()) {
            String origin = feedUri + " item '" + Optional.ofNullable(entry.getTitle()).orElse(entry.getUri()) + "'";
            return failed(origin, "feed item has no link to fetch its page from");
        }
        URI page;
        try {
            page = feedUri.resolve(link.trim());
        } catch (IllegalArgumentException e) {
            return failed(feedUri + " item " + link, "item link is not a URL: " + e.getMessage());
        }
        String origin = page.toString();
        Draft fetched;
        try {
            fetched = fetchPage(page);
        } catch (BadInputException e) {
            return failed(origin, e.reason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IngestSummary.empty();
        }
        LocalDate itemDate = Optional.ofNullable(entry.getPublishedDate()).or(() -> Optional.ofNullable(
                entry.getUpdatedDate())).map(FeedPoller::utcDate).orElse(null);
        LocalDate date = itemDate != null ? itemDate : fetched.metadataDate();
        String title = firstNonBlank(entry.getTitle(), fetched.title());
        String source = firstNonBlank(feed.getTitle(), fetched.source(), page.getHost());
        Draft draft = new Draft(origin, Format.HTML, title, fetched.body(), date, origin, source, null,
                itemDate != null ? "feed" : fetched.dateFrom());
        IngestSummary one = ingestor.ingest(sink -> sink.draft(draft));
        onItem.accept(origin, one);
        return one;
    }

    private Draft fetchPage(URI page) throws BadInputException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(page).timeout(TIMEOUT).header("User-Agent", USER_AGENT)
                .header("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.5").GET().build();
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPageBytes + 1));
            }
        } catch (IOException e) {
            throw new BadInputException("cannot fetch page: " + describe(e));
        }
        if (response.statusCode() / 100 != 2) {
            throw new BadInputException("cannot fetch page: HTTP " + response.statusCode());
        }
        if (body.length > maxPageBytes) {
            throw new BadInputException("page too large: over " + maxPageBytes + " bytes (--max-bytes)");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.isEmpty() && !mime.equals("text/html") && !mime.equals("application/xhtml+xml")) {
            throw new BadInputException("not an HTML page: Content-Type " + mime);
        }
        return PageText.extract(body, charsetOf(contentType), page.toString());
    }

    /** The charset a Content-Type header names, or null. */
    static Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).replace("\"", "").trim();
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private IngestSummary failed(String origin, String reason) {
        IngestSummary one = ingestor.reject(origin, reason);
        onItem.accept(origin, one);
        return one;
    }

    private static LocalDate utcDate(Date d) {
        return LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC);
    }

    private static String describe(Exception e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
