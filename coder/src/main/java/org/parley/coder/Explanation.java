package org.parley.coder;

import java.util.List;
import org.parley.common.Event;

/**
 * Why the coder produced what it did for one article: per sentence, the actors it found, every rule that
 * matched an action word and what became of it, and a one-line verdict ("no action word matched a rule",
 * "rule consult.held matched but found no target actor", "negated"). Built by {@link EventCoder#explain}.
 */
public record Explanation(String articleId, List<SentenceTrace> sentences) {
    public Explanation {
        sentences = List.copyOf(sentences);
    }

    /** One sentence: its text, actors, rule trials, the events it gave and, when none, why. */
    public record SentenceTrace(int index, String sentence, List<ActorFound> actors, List<RuleTrial> rules,
                                List<Event> events, String verdict) {
        public SentenceTrace {
            actors = List.copyOf(actors);
            rules = List.copyOf(rules);
            events = List.copyOf(events);
        }

        /** One line: the actors, then each rule's outcome, then the verdict. */
        public String summary() {
            StringBuilder sb = new StringBuilder("actors: ");
            if (actors.isEmpty()) {
                sb.append("none");
            }
            for (int i = 0; i < actors.size(); i++) {
                ActorFound a = actors.get(i);
                sb.append(i == 0 ? "" : ", ").append(a.text()).append('=').append(a.code())
                        .append(a.role() == null ? "" : "/" + a.role()).append(a.use().equals("actor") ? "" : " (" + a.use() + ")");
            }
            for (RuleTrial r : rules) {
                sb.append("; rule ").append(r.rule()).append(" '").append(r.words()).append("': ").append(r.outcome());
            }
            if (rules.isEmpty() && verdict != null) {
                sb.append("; ").append(verdict);
            }
            return sb.toString();
        }
    }

    /** Human-readable, sentence by sentence: what {@code parley code --explain} prints. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("article ").append(articleId).append('\n');
        for (SentenceTrace s : sentences) {
            sb.append("[").append(s.index()).append("] ").append(s.sentence()).append('\n');
            if (s.actors().isEmpty()) {
                sb.append("    actors: none\n");
            }
            for (ActorFound a : s.actors()) {
                sb.append("    actor  ").append(a.text()).append(" -> ").append(a.code())
                        .append(a.role() == null ? "" : " " + a.role()).append("  (").append(a.use()).append(")\n");
            }
            for (RuleTrial r : s.rules()) {
                sb.append("    rule   ").append(r.rule()).append(" [").append(r.code()).append("] '").append(r.words())
                        .append("': ").append(r.outcome()).append('\n');
            }
            for (Event e : s.events()) {
                sb.append("    EVENT  ").append(e.source().code()).append(" -> ")
                        .append(e.target() == null ? "-" : e.target().code()).append(' ').append(e.cameo())
                        .append(" (").append(e.rule()).append(")\n");
            }
            if (s.verdict() != null) {
                sb.append("    why no event: ").append(s.verdict()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * An actor mention: the words, the code and role it resolved to, and how it may be used
     * ({@code actor}, {@code place}, {@code anaphor}, {@code possessive}, {@code modifier}, {@code anti}).
     */
    public record ActorFound(String text, String code, String role, String use) {
    }

    /** A rule that matched words of the sentence, and its outcome ("event USA>RUS 042", "no target actor", ...). */
    public record RuleTrial(String rule, String code, String words, String outcome) {
    }
}
