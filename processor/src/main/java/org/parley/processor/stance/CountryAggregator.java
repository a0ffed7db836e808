package org.parley.processor.stance;

import java.time.Instant;
import java.util.List;
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

    /** Several contributions at once: the row's counterpart map is copied once, not once per contribution. */
    public State addAll(State s, List<Contribution> contributions) {
        Map<String, DecayedScore> towards = new TreeMap<>(s.towards());
        long sourceEvents = s.sourceEvents();
        double sourceSum = s.sourceSum();
        DecayedScore sourceStance = s.sourceStance();
        long targetEvents = s.targetEvents();
        double targetSum = s.targetSum();
        DecayedScore targetStance = s.targetStance();
        for (Contribution c : contributions) {
            if (c.asSource()) {
                towards.merge(c.counterpart(),
                        DecayedScore.ZERO.add(c.goldstein(), c.eventTime(), settings.halfLife()),
                        (old, ignored) -> old.add(c.goldstein(), c.eventTime(), settings.halfLife()));
                sourceEvents++;
                sourceSum += c.goldstein();
                sourceStance = sourceStance.add(c.goldstein(), c.eventTime(), settings.halfLife());
            } else {
                targetEvents++;
                targetSum += c.goldstein();
                targetStance = targetStance.add(c.goldstein(), c.eventTime(), settings.halfLife());
            }
        }
        return new State(s.code(), sourceEvents, sourceSum, sourceStance, targetEvents, targetSum, targetStance,
                towards);
    }

    public State add(State s, Contribution c) {
        return addAll(s, List.of(c));
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
