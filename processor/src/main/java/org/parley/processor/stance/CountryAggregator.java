package org.parley.processor.stance;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.parley.common.CountryStance;

/**
 * Folds distinct events into one country's row of the stance matrix. Internal state keeps each decayed score
 * with the event time it refers to, so that late events decay correctly; the published row carries the values.
 */
public final class CountryAggregator {
    private final StanceSettings settings;

    public CountryAggregator(StanceSettings settings) {
        this.settings = settings;
    }

    /**
     * A distinct event as one country sees it.
     *
     * @param asSource     true if the country acted, false if it was acted upon
     * @param counterpart  the other side
     * @param goldstein    the event's Goldstein score
     * @param eventTime    when it happened
     */
    public record Contribution(boolean asSource, String counterpart, double goldstein, Instant eventTime) {
    }

    /** Running state behind a {@link CountryStance}. */
    public record State(String code, long sourceEvents, double sourceSum, DecayedScore sourceStance,
                        long targetEvents, double targetSum, DecayedScore targetStance,
                        Map<String, DecayedScore> towards) {
        public static State empty(String code) {
            return new State(code, 0, 0.0, DecayedScore.ZERO, 0, 0.0, DecayedScore.ZERO, Map.of());
        }
    }

    public State add(State s, Contribution c) {
        if (c.asSource()) {
            Map<String, DecayedScore> towards = new TreeMap<>(s.towards());
            towards.merge(c.counterpart(), DecayedScore.ZERO.add(c.goldstein(), c.eventTime(), settings.halfLife()),
                    (old, ignored) -> old.add(c.goldstein(), c.eventTime(), settings.halfLife()));
            return new State(s.code(), s.sourceEvents() + 1, s.sourceSum() + c.goldstein(),
                    s.sourceStance().add(c.goldstein(), c.eventTime(), settings.halfLife()),
                    s.targetEvents(), s.targetSum(), s.targetStance(), towards);
        }
        return new State(s.code(), s.sourceEvents(), s.sourceSum(), s.sourceStance(),
                s.targetEvents() + 1, s.targetSum() + c.goldstein(),
                s.targetStance().add(c.goldstein(), c.eventTime(), settings.halfLife()), s.towards());
    }

    public static CountryStance view(State s, Instant now) {
        Map<String, Double> net = new TreeMap<>();
        s.towards().forEach((k, v) -> net.put(k, v.value()));
        return new CountryStance(s.code(),
                new CountryStance.Totals(s.sourceEvents(), s.sourceSum(), s.sourceStance().value()),
                new CountryStance.Totals(s.targetEvents(), s.targetSum(), s.targetStance().value()),
                net, now);
    }
}
