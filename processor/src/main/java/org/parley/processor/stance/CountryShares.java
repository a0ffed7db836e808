package org.parley.processor.stance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.parley.common.DyadStance;

/**
 * The dyads of one task of the dyad stores, indexed by country, and the countries whose share of their row changed
 * since it was last sent. Derived from the {@value StanceTopology#DYAD_STANCE_STORE} store, so it needs no changelog
 * of its own: rebuilt from the store whenever the task (re)starts.
 */
final class CountryShares {
    private final Map<String, DyadStance> dyads = new HashMap<>();
    private final Map<String, Set<String>> dyadsByCountry = new HashMap<>();
    private final Set<String> changed = new TreeSet<>();

    void clear() {
        dyads.clear();
        dyadsByCountry.clear();
        changed.clear();
    }

    /** A dyad's latest value; both its countries' shares change. */
    void put(String dyadKey, DyadStance d) {
        // Only what a country row needs, so that the index stays small (no counts by code, no event ids).
        dyads.put(dyadKey, new DyadStance(d.source(), d.target(), d.events(), 0, d.goldsteinSum(), 0.0, Map.of(),
                Map.of(), 0.0, d.stance(), null, d.lastEventTime(), List.of(), null));
        for (String code : new String[] {d.source(), d.target()}) {
            dyadsByCountry.computeIfAbsent(code, c -> new TreeSet<>()).add(dyadKey);
            changed.add(code);
        }
    }

    boolean anyChanged() {
        return !changed.isEmpty();
    }

    /** The changed countries' shares over this task's dyads, in code order; none is changed afterwards. */
    Map<String, CountryAggregator.State> takeChanged(CountryAggregator aggregator) {
        Map<String, CountryAggregator.State> out = new LinkedHashMap<>();
        for (String code : changed) {
            List<DyadStance> own = new ArrayList<>();
            for (String key : dyadsByCountry.getOrDefault(code, Set.of())) {
                own.add(dyads.get(key));
            }
            out.put(code, aggregator.over(code, own));
        }
        changed.clear();
        return out;
    }
}
