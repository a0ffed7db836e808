package org.parley.processor.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.common.Json;
import org.parley.processor.live.FeedItem;
import org.parley.processor.live.LiveFeed;

/**
 * The article-to-stance latency histogram ({@code parley_article_stance_latency_seconds}): from an article's
 * ingest to the moment the dyad stance it changed is committed and seen on the live stance feed, i.e. what a
 * dashboard or {@code /api/stream/stance} client waits.
 *
 * <p>Measured beside the topology, from the two live feeds, so the stance code stays untouched: the event feed
 * remembers each new event id's {@code ingestedAt}; a dyad record whose newest {@code lastEventIds} entry is one
 * of them records one sample, once. A stance record seen before its events (the feeds are separate consumers)
 * gives no sample; records from before this process started (read to fill the feed buffers) give none either.
 */
public final class StanceLatency {
    private static final int REMEMBERED = 50_000;

    private final Instant since = Instant.now();
    private final Timer timer;
    private final Map<String, Instant> ingestedByEvent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    public StanceLatency(MeterRegistry registry) {
        this.timer = Timer.builder("parley.article.stance.latency")
                .description("from an article's ingest to the committed dyad stance it changed, on the live feed")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
    }

    /** Attaches to the feeds; their threads call back and must not block, which these calls do not. */
    public void observe(LiveFeed events, LiveFeed stance) {
        events.subscribe(this::event, null, null);
        stance.subscribe(this::stance, null, null);
    }

    void event(FeedItem item) {
        JsonNode e = parse(item);
        Instant at = instant(e == null ? null : e.path("ingestedAt").asText(null));
        String id = e == null ? null : e.path("id").asText(null);
        if (at != null && id != null && !at.isBefore(since)) {
            synchronized (ingestedByEvent) {
                ingestedByEvent.putIfAbsent(id, at);
            }
        }
    }

    void stance(FeedItem item) {
        if (!"dyad".equals(item.type())) {
            return;
        }
        JsonNode d = parse(item);
        JsonNode ids = d == null ? null : d.path("lastEventIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            return;
        }
        Instant at;
        synchronized (ingestedByEvent) {
            at = ingestedByEvent.remove(ids.get(ids.size() - 1).asText());
        }
        if (at != null) {
            timer.record(Duration.between(at, Instant.now()));
        }
    }

    public Timer timer() {
        return timer;
    }

    private static JsonNode parse(FeedItem item) {
        try {
            return item.data() == null ? null : Json.mapper().readTree(item.data());
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
