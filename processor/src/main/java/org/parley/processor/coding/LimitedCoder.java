package org.parley.processor.coding;

import java.util.List;
import org.parley.coder.CodedArticle;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Event;
import org.parley.processor.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Codes an article within bounds: at most {@code maxSentences} sentences are coded and at most {@code maxEvents}
 * events kept, so no single article can make output larger than the processor may write.
 */
public final class LimitedCoder {
    private static final Logger LOG = LoggerFactory.getLogger(LimitedCoder.class);

    private final EventCoder coder;
    private final int maxSentences;
    private final int maxEvents;
    private final PipelineMetrics metrics;

    public LimitedCoder(EventCoder coder, int maxSentences, int maxEvents, PipelineMetrics metrics) {
        this.coder = coder;
        this.maxSentences = maxSentences;
        this.maxEvents = maxEvents;
        this.metrics = metrics;
    }

    public List<Event> code(Article article) {
        String text = article.text();
        int cut = cutAfterSentences(text, maxSentences);
        String coded = cut < text.length() ? text.substring(0, cut) : text;
        CodedArticle result = coder.code(new CoderInput(article.id(), coded, article.date(), article.ingestedAt()));
        List<Event> events = result.events();
        boolean tooManyEvents = events.size() > maxEvents;
        if (tooManyEvents) {
            events = events.subList(0, maxEvents);
        }
        // Each event says what its date was read against (a dated page or a guess) and which article it is
        // from, by title and URL, so that a reader of the events topic alone can cite and open the source.
        events = events.stream().map(e -> e.withArticle(article)).toList();
        metrics.articleCoded(result.sentenceCount(), events.size());
        if (cut < text.length() || tooManyEvents) {
            LOG.warn("article {} is over the limits: coded {} of {} characters ({} sentences, limit {}), kept {} of"
                            + " {} events (limit {})", article.id(), cut, text.length(), result.sentenceCount(),
                    maxSentences, events.size(), result.events().size(), maxEvents);
            metrics.articleLimited();
        }
        return events;
    }

    /**
     * Where to cut {@code text} so that the coder sees at most {@code max} sentences: just after its
     * {@code max}-th sentence mark ('.', '!', '?' or a line break), or its length when it has fewer. The coder
     * ends sentences only at such marks (not at every one: "Mr." does not end one), so this never lets more than
     * {@code max} through, and may let fewer through in a text full of abbreviations.
     */
    static int cutAfterSentences(String text, int max) {
        int marks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r') {
                marks++;
                if (marks == max) {
                    return i + 1;
                }
            }
        }
        return text.length();
    }
}
