package org.parley.processor.stance;

import java.util.ArrayList;
import java.util.List;

/**
 * State of one distinct event: how often and in how many articles it was mentioned (GDELT's NumMentions and
 * NumArticles).
 *
 * @param firstEventId id of the first mention
 * @param mentions     mentions seen
 * @param articles     distinct articles that mentioned it
 * @param articleIds   the articles seen, capped at {@link #MAX_ARTICLE_IDS}; beyond that articles are counted
 *                     as new, which may overcount NumArticles for very widely reported events
 */
public record DistinctEvent(String firstEventId, long mentions, long articles, List<String> articleIds) {
    static final int MAX_ARTICLE_IDS = 64;

    public static DistinctEvent first(String eventId, String articleId) {
        return new DistinctEvent(eventId, 1, 1, List.of(articleId));
    }

    public DistinctEvent mention(String articleId) {
        if (articleIds.contains(articleId)) {
            return new DistinctEvent(firstEventId, mentions + 1, articles, articleIds);
        }
        List<String> ids = articleIds;
        if (ids.size() < MAX_ARTICLE_IDS) {
            ids = new ArrayList<>(articleIds);
            ids.add(articleId);
        }
        return new DistinctEvent(firstEventId, mentions + 1, articles + 1, ids);
    }
}
