package org.parley.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.parley.common.Json;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingested;
import org.parley.ingest.Ingestor;
import org.parley.ingest.Rejection;
import org.parley.ingest.publish.PublishException;
import org.parley.ingest.source.BadInputException;
import org.parley.ingest.source.Draft;
import org.parley.ingest.source.Format;
import org.parley.ingest.source.JsonRecords;

/**
 * {@code POST /api/articles}: other systems push articles in, as one JSON object
 * {@code {title, text, date, url, source}} or an array of them.
 *
 * <ul>
 *   <li><b>202</b> once every article is published (acknowledged by the broker) or found a duplicate:
 *       {@code {"published":[{"index","id","clusterId"}], "duplicates":[{"index","id"}],
 *       "rejected":[{"index","reason"}]}}. "rejected" holds articles that were valid JSON but had no text left
 *       after cleaning; they also go to the dead-letter topic.</li>
 *   <li><b>400</b> when the body is not JSON, or an article lacks its text or has a bad field:
 *       {@code {"error": ..., "index": i}}. Nothing of that request is published, so it can be fixed and sent
 *       again whole.</li>
 *   <li><b>413</b> when the body is over the request limit, or one article's text over the article limit.</li>
 *   <li><b>503</b> with {@code Retry-After} when Kafka cannot be reached. Nothing of the request is counted
 *       as published (some articles may have reached the topic; sending the request again is harmless, as
 *       the article id is the record key). While an outage is known, requests are refused at once, without
 *       waiting for the Kafka client's timeouts; after each backoff one request tries the broker again.</li>
 * </ul>
 */
public final class ArticleServer implements AutoCloseable {
    public static final String PATH = "/api/articles";
    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Ingestor ingestor;
    private final long maxRequestBytes;
    private final long maxArticleBytes;
    private final BiConsumer<String, IngestSummary> onRequest;
    /** Null until {@link #start}: a server whose {@link #handle} is mounted on another server has none. */
    private Javalin app;
    private IngestSummary total = IngestSummary.empty();

    /**
     * @param maxRequestBytes largest request body accepted
     * @param maxArticleBytes largest text of one article accepted (the {@code --max-bytes} limit)
     * @param onRequest       told of each accepted request (origin: "POST /api/articles from ADDRESS") with what
     *                        became of it; called on a server thread
     */
    public ArticleServer(Ingestor ingestor, long maxRequestBytes, long maxArticleBytes,
                         BiConsumer<String, IngestSummary> onRequest) {
        this.ingestor = ingestor;
        this.maxRequestBytes = maxRequestBytes;
        this.maxArticleBytes = maxArticleBytes;
        this.onRequest = onRequest;
    }

    /** Starts listening on a server of its own; port 0 picks a free port (see {@link #port()}). */
    public synchronized ArticleServer start(String bind, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = maxRequestBytes;
        });
        app.post(PATH, this::handle);
        app.start(bind, port);
        return this;
    }

    /** The port of its own server, or -1 when it has none. */
    public synchronized int port() {
        return app == null ? -1 : app.port();
    }

    /** Everything this server took in since it started, refused requests included. */
    public synchronized IngestSummary total() {
        return total;
    }

    private synchronized void add(IngestSummary s) {
        total = total.plus(s);
    }

    /**
     * Answers one {@code POST} of articles: the handler of its own server, and what another server (the
     * processor's, under {@code parley run}) mounts at {@link #PATH} to take articles on its port.
     */
    public void handle(Context ctx) {
        String from = "POST " + PATH + " from " + ctx.req().getRemoteAddr();
        Map<String, Integer> indexOf = new HashMap<>();
        List<Draft> drafts;
        try {
            drafts = drafts(readBody(ctx), from, indexOf);
        } catch (Refused r) {
            refuse(ctx, from, r.status, r.getMessage(), r.index);
            return;
        }
        if (ingestor.kafkaAway()) {
            // Answer at once rather than queue behind the attempt that is waiting on the broker.
            unavailable(ctx, "Kafka is unreachable; nothing was published, send the request again later");
            return;
        }
        IngestSummary summary;
        try {
            summary = ingestor.ingest(sink -> drafts.forEach(sink::draft));
        } catch (PublishException e) {
            unavailable(ctx, e.getMessage() + "; nothing is counted as published, send the request again later");
            return;
        }
        add(summary);
        onRequest.accept(from, summary);
        ctx.status(202).json(response(summary, indexOf));
    }

    /** A request refused whole, with its HTTP status and, for one article of an array, that article's index. */
    private static final class Refused extends Exception {
        private final int status;
        private final Integer index;

        Refused(int status, String reason, Integer index) {
            super(reason, null, false, false);
            this.status = status;
            this.index = index;
        }
    }

    /** The body as JSON, within the size limit. */
    private JsonNode readBody(Context ctx) throws Refused {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw new Refused(413, "request body of " + declared + " bytes is over the limit of " + maxRequestBytes,
                    null);
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
        } catch (IOException e) {
            throw new Refused(400, "cannot read the request body: " + e.getMessage(), null);
        }
        if (body.length > maxRequestBytes) {
            throw new Refused(413, "request body is over the limit of " + maxRequestBytes + " bytes", null);
        }
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Refused(400, "malformed JSON: " + JsonRecords.describe(e, Format.JSON), null);
        } catch (IOException e) {
            throw new Refused(400, "cannot read the request body: " + e.getMessage(), null);
        }
        if (root == null || root.isMissingNode()) {
            throw new Refused(400, "empty body: expected a JSON object or an array of them", null);
        }
        return root;
    }

    /** One draft per article of the body (an object or an array of them); fills in each origin's index. */
    private List<Draft> drafts(JsonNode root, String from, Map<String, Integer> indexOf) throws Refused {
        boolean array = root.isArray();
        List<JsonNode> nodes = new ArrayList<>();
        root.forEach(nodes::add);
        if (!array) {
            nodes = List.of(root);
        } else if (nodes.isEmpty()) {
            throw new Refused(400, "empty array: no articles", null);
        }
        List<Draft> drafts = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String origin = array ? from + " [" + i + "]" : from;
            Integer index = array ? i : null;
            JsonNode node = nodes.get(i);
            JsonNode text = node.get("text");
            if (text != null && text.isTextual() && utf8Length(text.asText()) > maxArticleBytes) {
                throw new Refused(413, "article text of " + utf8Length(text.asText())
                        + " bytes is over the limit of " + maxArticleBytes, index);
            }
            try {
                drafts.add(JsonRecords.fromNode(node, origin, Format.JSON, null));
                indexOf.put(origin, i);
            } catch (BadInputException e) {
                throw new Refused(400, e.reason(), index);
            }
        }
        return drafts;
    }

    /** The 202 answer: which articles were published, which were duplicates, which were rejected, by index. */
    private static Map<String, Object> response(IngestSummary summary, Map<String, Integer> indexOf) {
        List<Map<String, Object>> published = new ArrayList<>();
        List<Map<String, Object>> duplicates = new ArrayList<>();
        for (Ingested a : summary.articles()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", indexOf.get(a.origin()));
            item.put("id", a.id());
            if (a.duplicate()) {
                duplicates.add(item);
            } else {
                item.put("clusterId", a.clusterId());
                published.add(item);
            }
        }
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (Rejection r : summary.rejected()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", indexOf.get(r.origin()));
            item.put("reason", r.reason());
            rejected.add(item);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("published", published);
        response.put("duplicates", duplicates);
        response.put("rejected", rejected);
        return response;
    }

    /**
     * Answers a request that is refused whole, and records it like any other bad input: in the summary, on the
     * dead-letter topic, and to the listener.
     */
    private void refuse(Context ctx, String from, int status, String reason, Integer index) {
        String shown = index == null ? reason : String.format(Locale.ROOT, "article [%d]: %s", index, reason);
        error(ctx, status, reason, index);
        try {
            IngestSummary s = ingestor.reject(from, shown);
            add(s);
            onRequest.accept(from, s);
        } catch (PublishException e) {
            // the answer is already given; a dead letter that cannot be written is not worth a 503
        }
    }

    private void unavailable(Context ctx, String reason) {
        long seconds = Math.max(1, (ingestor.retryDelay().toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        error(ctx, 503, reason, null);
    }

    private static void error(Context ctx, int status, String reason, Integer index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", index == null ? reason : String.format(Locale.ROOT, "article [%d]: %s", index, reason));
        if (index != null) {
            body.put("index", index);
        }
        ctx.status(status).json(body);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
        }
    }
}
