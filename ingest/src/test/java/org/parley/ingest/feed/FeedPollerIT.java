package org.parley.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Article;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.ingest.IngestBounds;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingested;
import org.parley.ingest.Ingestor;
import org.parley.ingest.Rejection;

import org.parley.testkit.KafkaFixture;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

/** A feed and its pages served by an HTTP server inside the test. */
@WithKafka
class FeedPollerIT {
    private static final String ETAG = "\"feed-v1\"";
    private static final String LAST_MODIFIED = "Wed, 26 Feb 2025 10:00:00 GMT";

    private static final String SANCTIONS = "The European Union extended its sanctions against the regime for "
            + "another six months, diplomats in Brussels said on Friday after a meeting of foreign ministers.";
    private static final String SANCTIONS_2 = "Hungary had threatened to block the extension but agreed after "
            + "three frozen assets were released, two officials said.";
    private static final String TALKS = "Turkey offered to host the next round of negotiations between the two "
            + "delegations, the foreign ministry in Ankara said in a statement on Thursday.";

    private HttpServer server;
    private String base;
    /** Request headers of each feed request, in order. */
    private final List<Headers> feedRequests = new CopyOnWriteArrayList<>();
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private volatile String feedXml;
    private volatile String etag = ETAG;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", this::feed);
        server.createContext("/news/", ex -> {
            String html = pages.get(ex.getRequestURI().getPath());
            if (html == null || html.startsWith("500")) {
                send(ex, html == null ? 404 : 500, "text/plain", "server error");
            } else {
                send(ex, 200, "text/html; charset=utf-8", html);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();

        pages.put("/news/sanctions", "<html><head><title>Site | Sanctions</title>"
                + "<meta property=\"og:site_name\" content=\"Example News\"></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                + "<p>Advertisement</p>"
                + "<article><h1>Sanctions extended</h1><p>" + SANCTIONS + "</p><p>" + SANCTIONS_2 + "</p>"
                + "<aside><p>Read more: other stories</p></aside></article>"
                + "<footer><p>© 2025 Example News. All rights reserved.</p></footer></body></html>");
        // No <article>: the block with the most paragraph text is the story.
        pages.put("/news/talks", "<html><body><div class=\"menu\"><p>Menu</p><p>Search</p></div>"
                + "<div class=\"teasers\"><p>Short teaser one.</p></div>"
                + "<div class=\"story\"><p>" + TALKS + "</p><p>Both sides welcomed the offer.</p></div>"
                + "</body></html>");
        pages.put("/news/broken", "500");
        feedXml = rss(item("Sanctions extended for six months", "/news/sanctions", "guid-1",
                        "Fri, 28 Feb 2025 09:30:00 GMT"),
                item("Turkey offers to host talks", "/news/talks", "guid-2", "Thu, 27 Feb 2025 08:00:00 GMT"),
                item("A page that fails", "/news/broken", "guid-3", "Wed, 26 Feb 2025 07:00:00 GMT"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void feed(HttpExchange ex) throws IOException {
        Headers h = new Headers();
        h.putAll(ex.getRequestHeaders());
        feedRequests.add(h);
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        if (etag.equals(inm)) {
            ex.getResponseHeaders().add("ETag", etag);
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("ETag", etag);
        ex.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
        send(ex, 200, "application/rss+xml; charset=utf-8", feedXml);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String item(String title, String path, String guid, String date) {
        return "<item><title>" + title + "</title><link>" + path + "</link><guid isPermaLink=\"false\">" + guid
                + "</guid><pubDate>" + date + "</pubDate></item>";
    }

    private String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Example News</title>"
                + "<link>" + base + "/</link><description>test feed</description>"
                + String.join("", items).replace("<link>/", "<link>" + base + "/") + "</channel></rss>";
    }

    @Test
    void newItemsArePublishedOnceAndAnUnchangedFeedCostsA304(KafkaFixture kafka) {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        List<String> told = new CopyOnWriteArrayList<>();
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults());
             FeedPoller poller = new FeedPoller(ingestor, List.of(URI.create(base + "/feed.xml")),
                     Duration.ofMinutes(5), IngestOptions.DEFAULT_MAX_BYTES, (origin, s) -> told.add(origin))) {
            IngestSummary first = poller.pollOnce();
            assertThat(first.published()).isEqualTo(2);
            // Oldest item first.
            assertThat(first.articles()).extracting(Ingested::origin)
                    .containsExactly(base + "/news/talks", base + "/news/sanctions");
            assertThat(first.rejected()).singleElement().satisfies(r -> {
                assertThat(r.origin()).isEqualTo(base + "/news/broken");
                assertThat(r.reason()).isEqualTo("cannot fetch page: HTTP 500");
            });

            IngestSummary second = poller.pollOnce();
            assertThat(second.articles()).isEmpty();
            assertThat(second.rejected()).isEmpty();
            assertThat(feedRequests).hasSize(2);
            assertThat(feedRequests.get(0).getFirst("If-None-Match")).isNull();
            assertThat(feedRequests.get(1).getFirst("If-None-Match")).isEqualTo(ETAG);
            assertThat(feedRequests.get(1).getFirst("If-Modified-Since")).isEqualTo(LAST_MODIFIED);

            // A changed feed: only the item not seen before is fetched and published.
            pages.put("/news/new", "<html><body><article><p>" + SANCTIONS_2 + " " + TALKS + "</p></article>"
                    + "</body></html>");
            feedXml = rss(item("New item", "/news/new", "guid-4", "Sat, 01 Mar 2025 12:00:00 GMT"),
                    item("Sanctions extended for six months", "/news/sanctions", "guid-1",
                            "Fri, 28 Feb 2025 09:30:00 GMT"),
                    item("A page that fails", "/news/broken", "guid-3", "Wed, 26 Feb 2025 07:00:00 GMT"));
            etag = "\"feed-v2\"";
            IngestSummary third = poller.pollOnce();
            assertThat(third.articles()).extracting(Ingested::origin).containsExactly(base + "/news/new");
            assertThat(third.rejected()).isEmpty();
            assertThat(poller.total().published()).isEqualTo(3);
            assertThat(poller.total().rejected()).extracting(Rejection::origin).containsExactly(base + "/news/broken");
            // Oldest item first: the broken page is the oldest.
            assertThat(told).containsExactly(base + "/news/broken", base + "/news/talks", base + "/news/sanctions",
                    base + "/news/new");
        }

        Map<String, Article> byUrl = TopicReader.readCommitted(config, config.topics().articles()).stream()
                .map(ConsumerRecord::value).collect(Collectors.toMap(Article::url, a -> a));
        Article sanctions = byUrl.get(base + "/news/sanctions");
        assertThat(sanctions.title()).isEqualTo("Sanctions extended for six months");
        assertThat(sanctions.text()).isEqualTo(SANCTIONS + "\n\n" + SANCTIONS_2);
        assertThat(sanctions.date()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(sanctions.dateSource()).isEqualTo(Article.DateSource.METADATA);
        assertThat(sanctions.dateFrom()).isEqualTo("feed");
        assertThat(sanctions.source()).isEqualTo("Example News");
        Article talks = byUrl.get(base + "/news/talks");
        assertThat(talks.text()).isEqualTo(TALKS + "\n\nBoth sides welcomed the offer.");
        assertThat(talks.date()).isEqualTo(LocalDate.of(2025, 2, 27));
        assertThat(byUrl).hasSize(3);
    }

    /** PARLEY_FEED_MAX_SEEN_ITEMS below what the feed lists: its items are fetched again, and are duplicates. */
    @Test
    void aFeedListingMoreItemsThanTheBoundHasThemFetchedAgainAsDuplicates(KafkaFixture kafka) {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults(), new IngestBounds(100, 100, 2));
             FeedPoller poller = new FeedPoller(ingestor, List.of(URI.create(base + "/feed.xml")),
                     Duration.ofMinutes(5), IngestOptions.DEFAULT_MAX_BYTES, (origin, s) -> { })) {
            assertThat(poller.pollOnce().published()).isEqualTo(2);
            etag = "\"feed-v2\"";
            IngestSummary again = poller.pollOnce();
            assertThat(again.published()).isZero();
            assertThat(again.duplicates()).isEqualTo(2);
            assertThat(again.rejected()).extracting(Rejection::origin).containsExactly(base + "/news/broken");
        }
        assertThat(TopicReader.readCommitted(config, config.topics().articles())).hasSize(2);
    }

    @Test
    void aFeedThatCannotBeReadIsARejectionNamingIt(KafkaFixture kafka) {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        feedXml = "<rss><channel><title>cut off";
        String url = base + "/feed.xml";
        try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults());
             FeedPoller poller = new FeedPoller(ingestor, List.of(URI.create(url), URI.create(base + "/missing.xml")),
                     Duration.ofMinutes(5), IngestOptions.DEFAULT_MAX_BYTES, (origin, s) -> { })) {
            IngestSummary s = poller.pollOnce();
            assertThat(s.published()).isZero();
            assertThat(s.rejected()).extracting(Rejection::origin).containsExactly(url, base + "/missing.xml");
            assertThat(s.rejected().get(0).reason()).startsWith("not a readable RSS or Atom feed");
            assertThat(s.rejected().get(1).reason()).isEqualTo("cannot fetch feed: HTTP 404");
        }
        assertThat(TopicReader.readCommitted(config, config.topics().deadLetters())).hasSize(2);
    }
}
