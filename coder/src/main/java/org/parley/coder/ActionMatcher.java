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
    private final Lemmas lemmas;

    ActionMatcher(Lexicon lex) {
        lemmas = new Lemmas(lex.rules.values());
        for (Rule r : lex.rules.values()) {
            if (!r.blocking() && !lex.codebook.containsKey(r.code())) {
                throw new IllegalArgumentException("rule " + r.id() + " has a code not in the codebook: " + r.code());
            }
            for (String k : r.indexKeys()) {
                (k.charAt(0) == '=' ? rulesByWord : rulesByPrefix).computeIfAbsent(k.substring(1),
                        x -> new ArrayList<>()).add(r);
            }
        }
    }

    /**
     * Every rule match inside a clause, in no particular order. An imported (PETRARCH) rule matches only where
     * its trigger is tagged as a verb: its patterns were written for verb phrases.
     */
    List<Match> matches(Sentence s, List<Mention> mentions, Syntax syntax, CodingObserver obs) {
        String[] words = s.words();
        String[] lems = lemmas.of(words);
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
            List<Rule> exact = rulesByWord.get(w);
            tryRules(exact, null, words, lems, i, clauseEnd, blocked, matches);
            if (lems[i] != w) {
                tryRules(rulesByWord.get(lems[i]), exact, words, lems, i, clauseEnd, blocked, matches);
            }
            tryRules(rulesByPrefix.get(Rule.prefixKey(w)), null, words, lems, i, clauseEnd, blocked, matches);
        }
        // without an actor in its clause no imported rule can give an event: spare the tagger
        matches.removeIf(m -> m.rule().imported() && (!actorInClause(s, mentions, m.start())
                || !isAct(m, s, syntax, obs)));
        // "allegedly threatened": an adverb is no act
        matches.removeIf(m -> !mentions.isEmpty() && syntax.tag(m.start()).equals("ADV"));
        // "talks" the noun, not "he talks about"
        matches.removeIf(m -> m.rule().nounOnly() && !mentions.isEmpty() && syntax.isVerb(m.start()));
        matches.removeIf(m -> m.rule().verbOnly() && !mentions.isEmpty() && !syntax.isVerb(m.start()));
        // "the detained fishermen", "captured ISIS fighters": a participle describing a noun is no act
        matches.removeIf(m -> !mentions.isEmpty() && (adjectival(s, syntax, mentions, m.start())
                || !m.rule().imported() && agentParticiple(s, syntax, m.start())));
        // "a group linked to al-Qaeda", "which is allied with Iran": a standing tie described, not an act
        matches.removeIf(m -> m.start() + 1 < s.n() && TIES.contains(s.words()[m.start()])
                && (s.words()[m.start() + 1].equals("to") || s.words()[m.start() + 1].equals("with")));
        // "helped negotiate a truce", "help to identify": the helper shares the next verb's act, gives no aid
        matches.removeIf(m -> s.words()[m.start()].startsWith("help") && !mentions.isEmpty()
                && helpsAnotherVerb(s, syntax, m.start()));
        // "restrictions on flying to Cuba", "accused him of attacking": a gerund after a preposition is a topic
        matches.removeIf(m -> !mentions.isEmpty() && gerundAfterPreposition(s, syntax, m.start()));
        // "launched an investigation into the strike": the pattern's object word belongs to another noun
        matches.removeIf(m -> !mentions.isEmpty() && crossesNounComplement(s, syntax, m));
        return matches;
    }

    private static final java.util.Set<String> DETERMINERS = java.util.Set.of("the", "a", "an", "its", "their",
            "his", "her", "several", "two", "three", "many", "some", "newly");

    private static final java.util.Set<String> TIES = java.util.Set.of("linked", "tied", "connected", "affiliated",
            "allied", "aligned", "related", "attached", "close", "loyal");

    /** Words the tagger may call verbs that make a participle after them verbal: "has suspended", "be freed". */
    private static final java.util.Set<String> AUXILIARIES = java.util.Set.of("has", "have", "had", "having", "is",
            "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting", "do", "does", "did");

    /** Tags of a word that cannot follow a participle as the head of its noun phrase. */
    private static final java.util.Set<String> NOT_A_HEAD = java.util.Set.of("ADP", "DET", "PRON", "PUNCT", "AUX",
            "VERB", "SCONJ", "CCONJ", "PART", "NUM");

    private static boolean adjectival(Sentence s, Syntax syntax, List<Mention> mentions, int t) {
        String w = s.words()[t];
        if (!w.endsWith("ed") || t == 0 || t + 1 >= s.n()) {
            return false;
        }
        String prev = s.words()[t - 1];
        // after a determiner, a gerund ("guarding", whatever its tag) or another verb ("hold captured rebels"), not
        // after a name or an actor's noun the tagger took for a verb ("Beijing criticised", "forces shelled")
        boolean verbBefore = !s.toks().get(t - 1).isCapitalised() && !inMention(mentions, t - 1)
                && (prev.endsWith("ing") && !prev.equals("during")
                || syntax.isVerb(t - 1) && !prev.endsWith("ed") && !AUXILIARIES.contains(prev));
        boolean opensPhrase = DETERMINERS.contains(prev) || verbBefore;
        // "a banned militant organization", "guarding captured ISIS fighters"; the next word is the phrase's head
        // or a modifier of it, whatever its (often wrong) tag, unless it opens something else
        return opensPhrase && !NOT_A_HEAD.contains(syntax.tag(t + 1));
    }

    /**
     * The most polysemous English verbs: alone they say nothing about what was done ("left two dead", "held an
     * election", "found dead", "means"); only a pattern with their object words, or Parley's own rules, may code them.
     */
    private static final java.util.Set<String> POLYSEMOUS = java.util.Set.of("leave", "left", "leaves", "leaving",
            "go", "went", "goes", "going", "come", "came", "comes", "coming", "hold", "held", "holds", "holding",
            "find", "found", "finds", "keep", "kept", "keeps", "mean", "means", "meant", "serve", "served", "serves",
            "take", "took", "taken", "takes", "make", "made", "makes", "give", "gave", "given", "gives", "get", "got",
            "gets", "set", "sets", "put", "puts", "run", "ran", "runs", "turn", "turned", "turns", "bring", "brought",
            "see", "saw", "seen", "sees", "show", "showed", "shown", "shows", "move", "moved", "moves", "reach",
            "reached", "open", "opened", "draw", "drew", "carry", "carried", "stand", "stood", "play", "played");

    private static boolean inMention(List<Mention> mentions, int i) {
        return mentions.stream().anyMatch(m -> m.start() <= i && i < m.end());
    }

    private static boolean helpsAnotherVerb(Sentence s, Syntax syntax, int t) {
        int next = t + 1 < s.n() && s.words()[t + 1].equals("to") ? t + 2 : t + 1;
        // "helped broker a deal": a lower-case word before an article is a verb whatever its tag
        boolean beforeArticle = next + 1 < s.n() && !s.toks().get(next).isCapitalised()
                && java.util.Set.of("a", "an", "the").contains(s.words()[next + 1]);
        return next < s.n() && (syntax.isVerb(next) || beforeArticle) && !s.words()[next].endsWith("ed");
    }

    private static boolean gerundAfterPreposition(Sentence s, Syntax syntax, int t) {
        return t > 0 && s.words()[t].endsWith("ing") && syntax.isVerb(t) && syntax.tag(t - 1).equals("ADP")
                && !s.words()[t - 1].equals("by");
    }

    /** Prepositions that open what a noun is about: "an investigation into", "a report on", "concern over". */
    private static final java.util.Set<String> COMPLEMENT_PREPS = java.util.Set.of("into", "about", "over", "on",
            "regarding", "concerning");

    /** A gap of the match runs past a noun and the preposition that opens its complement. */
    private static boolean crossesNounComplement(Sentence s, Syntax syntax, Match m) {
        for (int k = m.start() + 1; k + 2 < m.end(); k++) {
            String prep = s.words()[k + 1];
            if (syntax.isNoun(k) && COMPLEMENT_PREPS.contains(prep) && !m.rule().spells(prep)) {
                return true;
            }
        }
        return false;
    }

    /** "boycotted the summit hosted by Thailand": a participle with its agent, describing a noun of the clause. */
    private static boolean agentParticiple(Sentence s, Syntax syntax, int t) {
        return t > 0 && t + 1 < s.n() && s.words()[t + 1].equals("by") && syntax.isVerb(t) && syntax.isNoun(t - 1)
                && VerbRole.notAnAct(s, syntax, t) != null;
    }

    /** An actor in the clause of word {@code t}, or a relative clause whose head may be one ("Iran, which ..."). */
    private static boolean actorInClause(Sentence s, List<Mention> mentions, int t) {
        int seg = s.seg()[t];
        int start = Clauses.clauseStart(s.seg(), t);
        if (start > 0 && Clauses.RELATIVE.contains(s.words()[start - 1])) {
            return !mentions.isEmpty();
        }
        for (Mention m : mentions) {
            if (s.seg()[m.start()] == seg) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAct(Match m, Sentence s, Syntax syntax, CodingObserver obs) {
        if (m.rule().verbAlone() && POLYSEMOUS.contains(s.words()[m.start()])) {
            if (obs.recording()) {
                obs.ruleTried(m.rule(), s.words()[m.start()], "skipped: a verb too polysemous to code alone");
            }
            return false;
        }
        if (m.rule().verbAlone() && m.rule().code().compareTo("06") < 0) {
            if (obs.recording()) {
                obs.ruleTried(m.rule(), s.words()[m.start()], "skipped: an imported verb alone codes only material"
                        + " acts (roots 06-20); a statement, appeal, intent or consultation needs a pattern");
            }
            return false; // "I think Helsinki ...", "announced he is to send a bill": verbs of saying and thinking
        }
        String why = VerbRole.notAnAct(s, syntax, m.start());
        if (why == null && s.words()[m.end() - 1].equals("to") && m.end() < s.n() && syntax.isVerb(m.end())
                && !s.words()[m.end()].endsWith("ing")) {
            why = "'to' opens an infinitive here, not a destination"; // "came to persuade", not "came to Kyiv"
        }
        if (why != null && obs.recording()) {
            obs.ruleTried(m.rule(), Clauses.slice(s.words(), m.start(), m.end()), "skipped: " + why);
        }
        return why == null;
    }

    private static void tryRules(List<Rule> rules, List<Rule> tried, String[] words, String[] lems, int i,
                                 int segEnd, boolean[] blocked, List<Match> out) {
        if (rules == null) {
            return;
        }
        for (Rule r : rules) {
            if (tried != null && tried.contains(r)) {
                continue;
            }
            int e = r.matchAt(words, lems, i, segEnd, blocked);
            if (e > i) {
                out.add(new Match(r, i, e));
            }
        }
    }

    /**
     * The matches that win where they overlap, in sentence order: Parley's own rules before imported ones, then
     * the longest, at equal length the more specific pattern (more words), then the earlier one. Sorts
     * {@code matches}.
     */
    static List<Match> longest(List<Match> matches, String[] words, CodingObserver obs) {
        matches.sort((a, b) -> a.rule().imported() != b.rule().imported() ? (a.rule().imported() ? 1 : -1)
                : (b.end() - b.start()) - (a.end() - a.start()) != 0
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
