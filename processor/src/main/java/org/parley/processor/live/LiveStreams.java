package org.parley.processor.live;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
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
        // Javalin's handler streams only to a client that accepts exactly text/event-stream and does nothing
        // for any other; the stream that would give the slot back would then never run.
        if (!"text/event-stream".equals(ctx.header("Accept"))) {
            slots.release();
            ctx.status(HttpStatus.NOT_ACCEPTABLE).json(Map.of("error", "send Accept: text/event-stream"));
            return;
        }
        new SseHandler(client -> {
            try {
                stream(client, feed, filter);
            } finally {
                slots.release();
            }
        }).handle(ctx);
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
        String quad = blankToNull(ctx.queryParam("quad"));
        Integer quadClass;
        try {
            quadClass = quad == null ? null : Integer.valueOf(quad.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quad must be a quad class 1..4, got '" + quad + "'");
        }
        EventFilter f = EventFilter.of(blankToNull(ctx.queryParam("country")), blankToNull(ctx.queryParam("dyad")),
                blankToNull(ctx.queryParam("root")), quadClass);
        return EventFilter.ANY.equals(f) ? null : f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public void close() {
        sessions.forEach(SseSession::stop);
    }
}
