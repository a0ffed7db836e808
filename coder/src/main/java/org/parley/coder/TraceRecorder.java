package org.parley.coder;

import java.util.ArrayList;
import java.util.List;
import org.parley.common.Event;

/** Records the explanation of one sentence. */
final class TraceRecorder implements CodingObserver {
    private final List<Explanation.ActorFound> actors = new ArrayList<>();
    private final List<Explanation.RuleTrial> rules = new ArrayList<>();
    private String verdict;
    private String candidateVerbs = "";

    @Override
    public boolean recording() {
        return true;
    }

    @Override
    public void actorsFound(List<Mention> mentions, List<Mention> modifiers, String[] words) {
        for (Mention m : mentions) {
            for (ActorRef r : m.refs()) {
                actors.add(new Explanation.ActorFound(m.text(), r.code(), r.role(), m.place() ? "place"
                        : m.anaphor() ? (m.anti() ? "possessive anaphor" : "anaphor") : m.anti() ? "anti" : "actor"));
            }
        }
        for (Mention m : modifiers) {
            ActorRef r = m.refs().get(0);
            actors.add(new Explanation.ActorFound(m.text(), r.code(), r.role(),
                    "modifier (source only of the action noun it precedes)"));
        }
        StringBuilder verbs = new StringBuilder();
        for (String w : words) {
            if (looksLikeVerb(w)) {
                verbs.append(verbs.length() == 0 ? "" : ", ").append('\'').append(w).append('\'');
            }
        }
        candidateVerbs = verbs.toString();
    }

    @Override
    public void noActors(List<Match> matches, String[] words) {
        verdict = "no actors found (rules matched: " + matchNames(matches, words) + ")";
    }

    @Override
    public void ruleTried(Rule r, String words, String outcome) {
        rules.add(new Explanation.RuleTrial(r.id(), r.code(), words, outcome));
    }

    @Override
    public void eventDropped(Event e, String key) {
        rules.add(new Explanation.RuleTrial(e.rule(), e.cameo(), "", "event " + key
                + " dropped: the same actors and root are negated elsewhere in the sentence"));
    }

    @Override
    public void failed(RuntimeException e) {
        verdict = "coder error: " + e;
    }

    /** The trace of sentence {@code index}, given the events it gave. */
    Explanation.SentenceTrace toTrace(int index, String sentence, List<Event> events) {
        String why = verdict != null ? verdict : events.isEmpty() ? whyNone() : null;
        return new Explanation.SentenceTrace(index, sentence, actors, rules, events, why);
    }

    private String whyNone() {
        if (rules.isEmpty()) {
            return "no action word matched a rule" + (candidateVerbs.isEmpty() ? ""
                    : " (verbs seen: " + candidateVerbs + ")") + (actors.isEmpty() ? "; no actors found" : "");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            Explanation.RuleTrial r = rules.get(i);
            sb.append(i == 0 ? "" : "; ").append("rule ").append(r.rule()).append(" ('").append(r.words())
                    .append("') ").append(r.outcome());
        }
        return sb.toString();
    }

    private static String matchNames(List<Match> ms, String[] words) {
        StringBuilder sb = new StringBuilder();
        for (Match m : ms) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.rule().id()).append(" '")
                    .append(Clauses.slice(words, m.start(), m.end())).append('\'');
        }
        return sb.toString();
    }

    /** Past-tense and reporting forms: a cheap guess at the verbs of a sentence, for explanations only. */
    private static boolean looksLikeVerb(String w) {
        return w.length() > 3 && (w.endsWith("ed") || w.endsWith("says") || w.equals("said") || w.equals("told")
                || w.equals("met") || w.equals("held") || w.equals("took") || w.equals("gave") || w.equals("made"));
    }
}
