package org.parley.processor.live;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.parley.processor.ProcessorLimits;
import org.parley.processor.subscribe.EventFilter;

/**
 * The Server-Sent Event endpoints {@code /api/stream/stance} and {@code /api/stream/events}. Each client holds
 * a thread for as long as it is connected, so their number is capped: over the cap a client gets 503 with
 * Retry-After. A bad filter is a 400 with the reason, never a stream of everything.
 */
public final class LiveStreams implements AutoCloseable {
    /**
     * How long an SSE stream may stay silent before a keep-alive comment goes out (below common proxy idle
     * timeouts); the system property {@code parley.sse.keepalive.ms} overrides it.
     */
    public static final long KEEP_ALIVE_MILLIS = 15_000;

    private final long keepAliveMillis = Long.getLong("parley.sse.keepalive.ms", KEEP_ALIVE_MILLIS);
    private final int maxClients;
    private final Semaphore slots;
    private final Set<SseSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile LiveFeed stanceFeed;
    private volatile LiveFeed eventFeed;

    public LiveStreams(int maxClients) {
        this.maxClients = maxClients;
        this.slots = new Semaphore(maxClients);
    }

    public void attachFeeds(LiveFeed stance, LiveFeed events) {
        this.stanceFeed = stance;
        this.eventFeed = events;
    }

    public void stance(Context ctx) throws Exception {
        open(ctx, stanceFeed, null);
    }

    public void events(Context ctx) throws Exception {
        open(ctx, eventFeed, eventFilter(ctx));
    }

    /** Clients connected now. */
    public int clients() {
        return maxClients - slots.availablePermits();
    }

    /** Takes a client slot (503 when none is free) and hands the request to Javalin's SSE handler. */
    private void open(Context ctx, LiveFeed feed, EventFilter filter) throws Exception {
        if (!slots.tryAcquire()) {
            ctx.header("Retry-After", "5").status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error",
                    "too many live-stream clients: this instance serves at most " + maxClients + " ("
                            + ProcessorLimits.MAX_SSE_CLIENTS + ")"));
            return;
        }
        if (!acceptsEventStream(ctx.header("Accept"))) {
            slots.release();
            ctx.status(HttpStatus.NOT_ACCEPTABLE).json(Map.of("error", "this is a stream of text/event-stream; "
                    + "the Accept header '" + ctx.header("Accept") + "' does not admit it"));
            return;
        }
        startStream(ctx, client -> {
            try {
                stream(client, feed, filter);
            } finally {
                slots.release();
            }
        });
    }

    private void stream(SseClient client, LiveFeed feed, EventFilter filter) {
        if (feed == null) {
            client.sendComment("no live feed on this instance");
            client.close();
            return;
        }
        Context ctx = client.ctx();
        String last = ctx.header("Last-Event-ID");
        if (last == null) {
            last = ctx.queryParam("lastEventId");
        }
        SseSession session = new SseSession(client, keepAliveMillis);
        Predicate<FeedItem> wanted = filter == null ? null : item -> filter.matches(item.headers());
        client.keepAlive();
        client.onClose(() -> {
            session.stop();
            feed.unsubscribe(session);
        });
        sessions.add(session);
        feed.subscribe(session, FeedItem.Position.parse(last), wanted);
        try {
            session.pump();
        } finally {
            feed.unsubscribe(session);
            sessions.remove(session);
        }
    }

    /** The filter the query asks for, null for none; a bad value throws, which the API answers with 400. */
    static EventFilter eventFilter(Context ctx) {
        EventFilter f = EventFilter.ofQuery(ctx.queryParam("country"), ctx.queryParam("dyad"),
                ctx.queryParam("root"), ctx.queryParam("quad"));
        return EventFilter.ANY.equals(f) ? null : f;
    }

    /**
     * Whether a client with this Accept header can take a stream: any client that sends none or accepts
     * {@code text/event-stream}, {@code text/*} or anything ({@code curl}'s default). Only one that names
     * other types alone (say {@code application/json}) is refused.
     */
    static boolean acceptsEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("text/event-stream") || type.equals("text/*") || type.equals("*/*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Javalin's {@code SseHandler} with one difference: it streams to every client {@link #acceptsEventStream}
     * admits, where Javalin's streams only to an Accept of exactly text/event-stream and answers others an
     * empty 200 (so {@code curl -N} got nothing).
     */
    private static void startStream(Context ctx, Consumer<SseClient> client) {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader("Connection", "close");
        res.addHeader("Cache-Control", "no-cache");
        res.addHeader("X-Accel-Buffering", "no");
        try {
            res.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.async(cfg -> cfg.timeout = 0, () -> client.accept(new SseClient(ctx)));
    }

    @Override
    public void close() {
        sessions.forEach(SseSession::stop);
    }
}
