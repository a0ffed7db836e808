package org.parley.coder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the action rules (verbs.txt) matching inside each clause, and keeps the longest where they overlap. */
final class ActionMatcher {
    /** Rules by their first element's exact words, and by the first three letters of its stems. */
    private final Map<String, List<Rule>> rulesByWord = new HashMap<>();
    private final Map<String, List<Rule>> rulesByPrefix = new HashMap<>();

    ActionMatcher(Lexicon lex) {
        for (Rule r : lex.rules.values()) {
            if (!lex.codebook.containsKey(r.code())) {
                throw new IllegalArgumentException("rule " + r.id() + " has a code not in the codebook: " + r.code());
            }
            for (String k : r.indexKeys()) {
                (k.charAt(0) == '=' ? rulesByWord : rulesByPrefix).computeIfAbsent(k.substring(1),
                        x -> new ArrayList<>()).add(r);
            }
        }
    }

    /** Every rule match inside a clause, in no particular order. */
    List<Match> matches(Sentence s, List<Mention> mentions) {
        String[] words = s.words();
        int[] seg = s.seg();
        int n = s.n();
        boolean[] blocked = new boolean[n];
        Mention[] mentionAt = new Mention[n];
        for (Mention m : mentions) {
            for (int i = m.start(); i < m.end(); i++) {
                blocked[i] = !m.anti();
                mentionAt[i] = m;
            }
        }
        // words inside a mention never trigger a rule ("the Security Council" is no "council" action)
        List<Match> matches = new ArrayList<>();
        int clauseEnd = 0;
        for (int i = 0; i < n; i++) {
            if (seg[i] < 0 || (mentionAt[i] != null && !mentionAt[i].anti())) {
                continue;
            }
            if (clauseEnd <= i) { // the end of this clause, found once per clause (keeps the scan linear)
                clauseEnd = i;
                while (clauseEnd < n && seg[clauseEnd] == seg[i]) {
                    clauseEnd++;
                }
            }
            String w = words[i];
            tryRules(rulesByWord.get(w), words, i, clauseEnd, blocked, matches);
            tryRules(rulesByPrefix.get(Rule.prefixKey(w)), words, i, clauseEnd, blocked, matches);
        }
        return matches;
    }

    private static void tryRules(List<Rule> rules, String[] words, int i, int segEnd, boolean[] blocked,
                                 List<Match> out) {
        if (rules == null) {
            return;
        }
        for (Rule r : rules) {
            int e = r.matchAt(words, i, segEnd, blocked);
            if (e > i) {
                out.add(new Match(r, i, e));
            }
        }
    }

    /**
     * The matches that win where they overlap, in sentence order: the longest, at equal length the more specific
     * pattern (more words), then the earlier one. Sorts {@code matches}.
     */
    static List<Match> longest(List<Match> matches, String[] words, CodingObserver obs) {
        matches.sort((a, b) -> (b.end() - b.start()) - (a.end() - a.start()) != 0
                ? (b.end() - b.start()) - (a.end() - a.start())
                : b.rule().wordCount() != a.rule().wordCount() ? b.rule().wordCount() - a.rule().wordCount()
                : a.start() - b.start());
        boolean[] taken = new boolean[words.length];
        List<Match> chosen = new ArrayList<>();
        for (Match m : matches) {
            boolean free = true;
            for (int i = m.start(); i < m.end() && free; i++) {
                free = !taken[i];
            }
            if (free) {
                chosen.add(m);
                for (int i = m.start(); i < m.end(); i++) {
                    taken[i] = true;
                }
            } else if (obs.recording()) {
                obs.ruleTried(m.rule(), Clauses.slice(words, m.start(), m.end()), "overlapped by a longer match");
            }
        }
        chosen.sort((a, b) -> a.start() - b.start());
        return chosen;
    }
}
