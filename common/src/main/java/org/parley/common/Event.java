package org.parley.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One coded event mention: who did what to whom, and where the article says so.
 * Published on the events topic keyed by {@link #id}. See docs/topics.md for the JSON schema.
 *
 * @param id            stable: the same article always yields the same ids
 * @param articleId     the article the event was coded from
 * @param sentenceIndex 0-based index of the sentence within the article
 * @param sentence      the sentence text
 * @param span          the sentence's character span within the article text
 * @param date          the day the event happened (ISO date)
 * @param source        the actor that acted
 * @param target        the actor acted upon, or null
 * @param cameo         full CAMEO code with its leading zero, e.g. "046"
 * @param root          the two-digit CAMEO root, e.g. "04"
 * @param quadClass     1-4, GDELT convention (roots 01-05, 06-09, 10-14, 15-20)
 * @param goldstein     Goldstein score of the CAMEO code, -10 to +10
 * @param plover        PLOVER event type, e.g. "CONSULT"
 * @param location      place the sentence names for the event, or null
 * @param rule          id of the coder rule that produced the event
 * @param ingestedAt    when the article was ingested, carried for latency measurement
 * @param dateFrom      where the article's date came from ({@link Article#dateFrom}), against which the
 *                      sentence's own dates were read; null in records written before it existed
 * @param articleTitle  the article's headline ({@link Article#title}), or null when it had none
 * @param articleUrl    where the article was found ({@link Article#url}), or null when unknown
 */
public record Event(
        String id,
        String articleId,
        int sentenceIndex,
        String sentence,
        Span span,
        LocalDate date,
        Actor source,
        Actor target,
        String cameo,
        String root,
        int quadClass,
        double goldstein,
        String plover,
        String location,
        String rule,
        Instant ingestedAt,
        String dateFrom,
        String articleTitle,
        String articleUrl) {

    /** An event without {@link #dateFrom} (the coder's: the processor adds it from the article). */
    public Event(String id, String articleId, int sentenceIndex, String sentence, Span span, LocalDate date,
                 Actor source, Actor target, String cameo, String root, int quadClass, double goldstein,
                 String plover, String location, String rule, Instant ingestedAt) {
        this(id, articleId, sentenceIndex, sentence, span, date, source, target, cameo, root, quadClass, goldstein,
                plover, location, rule, ingestedAt, null);
    }

    /** An event without the article's title and URL. */
    public Event(String id, String articleId, int sentenceIndex, String sentence, Span span, LocalDate date,
                 Actor source, Actor target, String cameo, String root, int quadClass, double goldstein,
                 String plover, String location, String rule, Instant ingestedAt, String dateFrom) {
        this(id, articleId, sentenceIndex, sentence, span, date, source, target, cameo, root, quadClass, goldstein,
                plover, location, rule, ingestedAt, dateFrom, null, null);
    }

    /** This event with the article's date source. */
    public Event withDateFrom(String from) {
        return new Event(id, articleId, sentenceIndex, sentence, span, date, source, target, cameo, root, quadClass,
                goldstein, plover, location, rule, ingestedAt, from, articleTitle, articleUrl);
    }

    /**
     * This event with what a reader needs from its article: where the date came from, the headline and the URL
     * (so an event on its own links back to its source, as GDELT's SOURCEURL does).
     */
    public Event withArticle(Article article) {
        return new Event(id, articleId, sentenceIndex, sentence, span, date, source, target, cameo, root, quadClass,
                goldstein, plover, location, rule, ingestedAt,
                article.dateFrom() != null ? article.dateFrom() : dateFrom, article.title(), article.url());
    }

    /** Quad class from a CAMEO root, GDELT convention. */
    public static int quadClassOfRoot(String root) {
        int r = Integer.parseInt(root);
        if (r < 1 || r > 20) {
            throw new IllegalArgumentException("CAMEO root out of range: " + root);
        }
        return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
    }

    /** The (source, target) dyad key, e.g. "RUS->USA"; target "-" when there is none. */
    public String dyadKey() {
        return DyadKey.of(source.code(), target == null ? null : target.code());
    }
}
