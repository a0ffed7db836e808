package org.parley.processor.stance;

import org.parley.common.DyadStance;

/**
 * What one event mention did to its dyad.
 *
 * @param dyad     the dyad's aggregate after the mention
 * @param newEvent the event if it was the first mention of a distinct event, else null
 */
public record StanceChange(DyadStance dyad, StanceEvent newEvent) {
}
