package org.parley.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.parley.coder.CodedArticle;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;
import org.parley.common.Article;

/**
 * {@code parley bench coder}: the coder alone, on one thread, over the synthetic corpus. A quick figure without
 * JMH: one untimed pass over separate articles warms the JIT, then the timed pass codes every article once.
 */
public final class CoderThroughput {
    /**
     * @param sentences    sentences coded in the timed pass
     * @param events       events coded in the timed pass
     * @param noEventShare share of sentences that gave no event
     */
    public record Result(int articles, long sentences, long events, double noEventShare, double seconds) {
        public String line() {
            return String.format(Locale.ROOT, "bench coder: articles=%d sentences=%d events=%d no_event_share=%.3f "
                            + "seconds=%.2f articles_s=%.0f sentences_s=%.0f events_s=%.0f threads=1 %s",
                    articles, sentences, events, noEventShare, seconds, articles / seconds, sentences / seconds,
                    events / seconds, Machine.describe());
        }
    }

    private CoderThroughput() {
    }

    public static Result run(EventCoder coder, long seed, int articles, int warmupArticles) {
        SyntheticCorpus corpus = new SyntheticCorpus(seed);
        Instant now = Instant.now();
        for (Article a : corpus.articles(articles, warmupArticles, now)) {
            code(coder, a);
        }
        List<Article> timed = corpus.articles(0, articles, now);
        long sentences = 0;
        long events = 0;
        long sentencesWithEvents = 0;
        long started = System.nanoTime();
        for (Article a : timed) {
            CodedArticle c = code(coder, a);
            sentences += c.sentenceCount();
            events += c.events().size();
            sentencesWithEvents += c.events().stream().mapToInt(e -> e.sentenceIndex()).distinct().count();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(articles, sentences, events, 1 - (double) sentencesWithEvents / sentences, seconds);
    }

    static CodedArticle code(EventCoder coder, Article a) {
        return coder.code(new CoderInput(a.id(), a.text(), a.date(), a.ingestedAt()));
    }
}
