package org.parley.coder;

import java.util.List;
import org.parley.common.Event;

/**
 * Hears what the coder decides for one sentence. {@link #NONE} on the hot path; {@link TraceRecorder} for
 * {@link EventCoder#explain}.
 */
interface CodingObserver {
    /** Hears nothing. */
    CodingObserver NONE = new CodingObserver() {
    };

    /** Whether anyone listens: lets the hot path skip building the words and outcomes it would be told. */
    default boolean recording() {
        return false;
    }

    /** The sentence's actors, and its nationality modifiers ("Israeli shelling"). */
    default void actorsFound(List<Mention> mentions, List<Mention> modifiers, String[] words) {
    }

    /** Rules matched words but the sentence has no actor at all. */
    default void noActors(List<Match> matches, String[] words) {
    }

    /** What became of a rule that matched {@code words}. */
    default void ruleTried(Rule rule, String words, String outcome) {
    }

    /** An event dropped because the same actors and root are negated elsewhere in the sentence. */
    default void eventDropped(Event e, String key) {
    }

    /** The sentence failed: overrides any other verdict. */
    default void failed(RuntimeException e) {
    }
}
