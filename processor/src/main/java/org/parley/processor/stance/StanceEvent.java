package org.parley.processor.stance;

import java.time.LocalDate;
import org.parley.common.DyadKey;
import org.parley.common.Event;

/**
 * What the stance stores need of an event mention, and nothing more: no sentence, span or actor names. The
 * stance path moves these between its tasks, so their size and their decoding cost count once per mention.
 *
 * @param id        the event id (as on the events topic)
 * @param articleId the article it was coded from
 * @param source    source country code
 * @param target    target country code
 * @param date      the day it happened
 * @param cameo     full CAMEO code
 * @param root      two-digit CAMEO root
 * @param quadClass 1-4
 * @param goldstein Goldstein score
 */
public record StanceEvent(String id, String articleId, String source, String target, LocalDate date,
                          String cameo, String root, int quadClass, double goldstein) {

    /** The stance view of a coded event with a known target. */
    public static StanceEvent of(Event e) {
        return new StanceEvent(e.id(), e.articleId(), e.source().code(), e.target().code(), e.date(), e.cameo(),
                e.root(), e.quadClass(), e.goldstein());
    }

    public String dyadKey() {
        return DyadKey.of(source, target);
    }
}
