package org.parley.processor.stance;

import org.parley.common.DyadStance;

/** What the dyad task sends on: a dyad's new value, a day's new value, or its share of a country's row. */
public sealed interface StanceUpdate {
    /** A dyad's all-time value, keyed {@code SRC->TGT}. */
    record Dyad(DyadStance stance) implements StanceUpdate {
    }

    /** A dyad's day, keyed {@code SRC->TGT@YYYY-MM-DD}. */
    record Day(DyadStance stance) implements StanceUpdate {
    }

    /**
     * A country's row over the dyads of one partition of the dyad stores, keyed by country code; the country's row
     * is the merge of the latest share of each partition.
     *
     * @param partition the dyad stores' partition it covers
     * @param share     the country's totals over that partition's dyads
     */
    record Share(int partition, CountryAggregator.State share) implements StanceUpdate {
    }
}
