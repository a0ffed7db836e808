package org.parley.sink.gdelt;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.parley.common.DyadKey;
import org.parley.common.Event;

/**
 * How often each distinct event has been mentioned, for the GDELT row's NumMentions, NumSources and NumArticles.
 *
 * <p>A distinct event is what the stance counts once (docs/stance.md): (event date, source, target, CAMEO code).
 * Each Parley event is one mention of one; {@link #see} counts it and answers the totals so far, this mention
 * included. The export sees the events in the order of the event files, so the counts of every row are a function
 * of those files alone, and a row written again after a crash gets the counts it had.
 *
 * <p>Bounded: the latest {@code capacity} distinct events are kept, the least recently mentioned forgotten first;
 * one mentioned again after being forgotten starts again at 1.
 */
final class MentionTally {
    /** NumMentions, NumSources and NumArticles of a row. */
    record Counts(int mentions, int sources, int articles) {
        static final Counts ONE = new Counts(1, 1, 1);
    }

    /** Mentions, and the hashes of the distinct articles and sources among them; small arrays, most hold one. */
    private static final class Tally {
        private int mentions;
        private long[] articles = new long[1];
        private int articleCount;
        private long[] sources = new long[1];
        private int sourceCount;

        Counts add(long article, long source) {
            mentions++;
            if (!contains(articles, articleCount, article)) {
                articles = grow(articles, articleCount);
                articles[articleCount++] = article;
            }
            if (!contains(sources, sourceCount, source)) {
                sources = grow(sources, sourceCount);
                sources[sourceCount++] = source;
            }
            return new Counts(mentions, sourceCount, articleCount);
        }

        private static boolean contains(long[] values, int count, long v) {
            for (int i = 0; i < count; i++) {
                if (values[i] == v) {
                    return true;
                }
            }
            return false;
        }

        private static long[] grow(long[] values, int count) {
            return count < values.length ? values : Arrays.copyOf(values, values.length * 2);
        }
    }

    private final int capacity;
    private final Map<Long, Tally> byEvent;

    MentionTally(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.byEvent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Tally> eldest) {
                return size() > MentionTally.this.capacity;
            }
        };
    }

    /** Counts one more mention of the event's distinct event; returns its totals so far, this one included. */
    Counts see(Event e) {
        long article = GdeltRow.globalEventId(e.articleId() == null ? "" : e.articleId());
        long source = GdeltRow.globalEventId(sourceOf(e));
        return byEvent.computeIfAbsent(GdeltRow.globalEventId(distinctKey(e)), k -> new Tally()).add(article, source);
    }

    /** Distinct events remembered. */
    int size() {
        return byEvent.size();
    }

    int capacity() {
        return capacity;
    }

    /**
     * (date, source, target, code) as text. The date is the event's; an undated event (rare: the processor dates
     * every event) takes the day it was ingested, as its row's SQLDATE does.
     */
    static String distinctKey(Event e) {
        LocalDate day = e.date() != null ? e.date()
                : e.ingestedAt() != null ? LocalDate.ofInstant(e.ingestedAt(), ZoneOffset.UTC) : null;
        String source = e.source() == null ? null : e.source().code();
        String target = e.target() == null ? null : e.target().code();
        return day + "|" + DyadKey.of(source, target) + "|" + e.cameo();
    }

    /**
     * The information source of the mention, as GDELT counts sources: the host of the article's URL (without
     * {@code www.}). An article without a URL is a source of its own: nothing says which outlet it came from.
     */
    static String sourceOf(Event e) {
        String url = e.articleUrl();
        if (url != null && !url.isBlank()) {
            try {
                String host = URI.create(url.strip()).getHost();
                if (host != null && !host.isBlank()) {
                    host = host.toLowerCase(Locale.ROOT);
                    return "host:" + (host.startsWith("www.") ? host.substring(4) : host);
                }
            } catch (IllegalArgumentException notAUri) {
                // fall through: unknown outlet
            }
        }
        return "article:" + e.articleId();
    }
}
