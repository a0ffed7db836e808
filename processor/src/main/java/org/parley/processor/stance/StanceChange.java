package org.parley.processor.stance;

import java.util.List;
import org.parley.common.DyadStance;

/**
 * What one article's mentions of a dyad did to it.
 *
 * @param dyad      the dyad's aggregate after the mentions
 * @param newEvents the mentions that were the first of a distinct event, in article order (the same instances
 *                  as in {@code mentions})
 * @param mentions  every mention of the dyad in the article, in article order
 */
public record StanceChange(DyadStance dyad, List<StanceEvent> newEvents, List<StanceEvent> mentions) {
}
