package org.parley.processor.stance;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;

/**
 * One country's row of the stance matrix, as a function of its dyads: the totals over the dyads where it is the
 * source, over those where it is the target, and the stance of each of its outgoing dyads. Internal state keeps each
 * decayed score with the event time it refers to, so that sums over dyads (and late events) decay correctly; the
 * published row carries the values.
 */
public final class CountryAggregator {
    private final Duration halfLife;

    public CountryAggregator(StanceSettings settings) {
        this.halfLife = settings.halfLife();
    }

    /** Running state behind a {@link CountryStance}: over all its dyads, or over those of one partition. */
    public record State(String code, long sourceEvents, double sourceSum, DecayedScore sourceStance,
                        long targetEvents, double targetSum, DecayedScore targetStance,
                        Map<String, DecayedScore> towards) {
        public static State empty(String code) {
            return new State(code, 0, 0.0, DecayedScore.ZERO, 0, 0.0, DecayedScore.ZERO, Map.of());
        }
    }

    /** A dyad's decayed stance as a score: its value as of its latest event. */
    static DecayedScore stanceOf(DyadStance d) {
        return d.lastEventTime() == null ? DecayedScore.ZERO : new DecayedScore(d.stance(), d.lastEventTime());
    }

    /** The row of {@code code} over these dyads (each one it is the source or the target of). */
    public State over(String code, Collection<DyadStance> dyads) {
        long sourceEvents = 0;
        double sourceSum = 0.0;
        DecayedScore sourceStance = DecayedScore.ZERO;
        long targetEvents = 0;
        double targetSum = 0.0;
        DecayedScore targetStance = DecayedScore.ZERO;
        Map<String, DecayedScore> towards = new TreeMap<>();
        for (DyadStance d : dyads) {
            if (code.equals(d.source())) {
                sourceEvents += d.events();
                sourceSum += d.goldsteinSum();
                sourceStance = sourceStance.plus(stanceOf(d), halfLife);
                towards.merge(d.target(), stanceOf(d), (a, b) -> a.plus(b, halfLife));
            }
            if (code.equals(d.target())) {
                targetEvents += d.events();
                targetSum += d.goldsteinSum();
                targetStance = targetStance.plus(stanceOf(d), halfLife);
            }
        }
        return new State(code, sourceEvents, sourceSum, sourceStance, targetEvents, targetSum, targetStance, towards);
    }

    /** The whole row from its shares, one per partition of the dyad stores. */
    public State merge(String code, Collection<State> shares) {
        State row = State.empty(code);
        for (State s : shares) {
            Map<String, DecayedScore> towards = new TreeMap<>(row.towards());
            s.towards().forEach((k, v) -> towards.merge(k, v, (a, b) -> a.plus(b, halfLife)));
            row = new State(code, row.sourceEvents() + s.sourceEvents(), row.sourceSum() + s.sourceSum(),
                    row.sourceStance().plus(s.sourceStance(), halfLife), row.targetEvents() + s.targetEvents(),
                    row.targetSum() + s.targetSum(), row.targetStance().plus(s.targetStance(), halfLife), towards);
        }
        return row;
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
