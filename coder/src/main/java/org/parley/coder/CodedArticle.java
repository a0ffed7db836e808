package org.parley.coder;

import java.util.List;
import org.parley.common.Event;

/** The events coded from one article, in sentence order. */
public record CodedArticle(String articleId, int sentenceCount, List<Event> events) {
    public CodedArticle {
        events = List.copyOf(events);
    }
}
