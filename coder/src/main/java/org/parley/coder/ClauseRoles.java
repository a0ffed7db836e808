package org.parley.coder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who is subject, agent, object or speaker in the clauses of one sentence, from word positions alone.
 * One per sentence that has an action match.
 */
final class ClauseRoles {
    private static final Set<String> OBJECT_PREPS = Set.of("of", "for", "with", "to", "against", "on", "from", "by",
            "about", "towards", "toward", "into", "over", "under", "between", "among", "in", "at", "than", "via",
            "regarding", "like", "including");
    static final Set<String> COORDINATORS = Set.of("and", ",", "along", "with", "together", "as", "well",
            "both", "or", "the");
    private static final Set<String> REPORTING = Set.of("said", "says", "added", "told", "stated", "noted",
            "stressed", "explained", "announced", "confirmed", "writes", "believes", "according", "asked", "recalled",
            "claims", "claimed", "alleges", "alleged", "argues", "argued", "insists", "insisted", "wrote", "thinks",
            "think", "believe", "believed", "reported", "reports");
    private static final Set<String> TOPIC_PREPS = Set.of("on", "about", "over", "regarding", "concerning");
    private static final Set<String> PROPOSED_BY = Set.of("proposed", "prepared", "drafted", "sponsored",
            "submitted", "initiated", "tabled", "put", "introduced", "written");

    private final List<Mention> mentions;
    private final Syntax syntax;
    private final String[] words;
    private final List<Token> toks;
    private final int[] seg;
    private final int n;
    /** The first place named: the events' location. */
    private final Mention location;
    /** The actor reporting ("X said"), else the first actor. */
    private Mention speaker;
    /** The actor next to a reporting word, if any. */
    private Mention reportingSpeaker;

    ClauseRoles(Sentence s, List<Mention> mentions, Syntax syntax) {
        this.syntax = syntax;
        this.mentions = mentions;
        this.words = s.words();
        this.toks = s.toks();
        this.seg = s.seg();
        this.n = s.n();
        Mention loc = null;
        for (Mention m : mentions) {
            if (m.place()) {
                loc = m;
                break;
            }
        }
        this.location = loc;
        findSpeaker();
    }

    private void findSpeaker() {
        for (Mention m : mentions) {
            if (m.place() || m.anti()) {
                continue;
            }
            boolean reports = m.end() < n && REPORTING.contains(words[m.end()])
                    || m.end() + 1 < n && REPORTING.contains(words[m.end() + 1])
                    || m.start() > 0 && REPORTING.contains(words[m.start() - 1])
                    || m.start() > 1 && words[m.start() - 1].equals("to") && words[m.start() - 2].equals("according");
            if (reports) {
                speaker = m;
                reportingSpeaker = m;
                break;
            }
            if (speaker == null) {
                speaker = m;
            }
        }
    }

    List<Mention> mentions() {
        return mentions;
    }

    Mention location() {
        return location;
    }

    Mention speaker() {
        return speaker;
    }

    Mention reportingSpeaker() {
        return reportingSpeaker;
    }

    /** "Somalia's al Shabaab fighters", "China's ally Pakistan": a possessive directly before another actor. */
    private boolean possessorOf(Mention owner, Mention owned) {
        int gap = owned.start() - owner.end();
        if (gap < 1 || gap > 3 || !words[owner.end()].equals("'s") || UnknownNames.is(owned)) {
            return false;
        }
        for (int i = owner.end() + 1; i < owned.start(); i++) {
            if (syntax.isVerb(i) || toks.get(i).isCapitalised()) {
                return false;
            }
        }
        return true;
    }

    /** The clause's subject: the first actor before the trigger not governed by a preposition, and its coordinates. */
    List<Mention> subject(int segStart, int t) {
        List<Mention> out = new ArrayList<>();
        int[] window = subjectWindow(segStart, t);
        int verb = window[1];
        for (Mention m : mentions) {
            if (m.start() < window[0] || m.end() > t || m.place() || (m.anti() && !m.anaphor())) {
                continue;
            }
            if (out.isEmpty() && m.start() > verb && !(m.anti() && m.anaphor())) {
                if (UnknownNames.is(m)) {
                    continue; // a name no dictionary knows decides nothing: the possessive after it may own the act
                }
                break; // "a typhoon hit the Philippines, killing 20": an actor after the clause's verb is no subject
            }
            if (out.isEmpty() && UnknownNames.is(m) && m.start() > 0 && syntax.isVerb(m.start() - 1)) {
                continue; // "as Kosachev told Izvestia, this country supported Kiev": a verb's object
            }
            int head = m.end() < n && words[m.end()].equals("'s") ? m.end() + 1 : m.end();
            if (NominalOwner.notTheStates(words, head, head + 1)) {
                continue; // "Germany's team beat France", "carrying EU flags, marched": not the state
            }
            if (out.isEmpty() && m.anonymousCivilians() && !countOf(m.start())) {
                continue; // "eight people were killed": unnamed civilians are acted upon, not actors
            }
            if (m.anti() && t - m.end() > 1 && !possessedGroupActs(m, t)) {
                continue; // a possessive acts only on its own noun: "his visit", "his recent visit"
            }
            if (m.anti() && m.anaphor() && !out.isEmpty() && out.stream().allMatch(UnknownNames::is)) {
                out.clear(); // "a question from correspondent Leonid Samuna following his visit": his own act
            }
            if (out.isEmpty()) {
                if (m.start() > 0 && OBJECT_PREPS.contains(words[m.start() - 1]) && !countOf(m.start())
                        && !inAppositive(window[0], m.start())) {
                    continue;
                }
                out.add(m);
            } else {
                Mention prev = out.get(out.size() - 1);
                if (out.stream().allMatch(UnknownNames::is) && !UnknownNames.is(m) && inAppositive(window[0], m.start())) {
                    out.set(0, m); // "Li Wei, the State Councillor of China,": the appositive says who he is
                    out.subList(1, out.size()).clear();
                    continue;
                }
                if (out.size() == 1 && possessorOf(prev, m)) {
                    out.set(0, m); // "Somalia's al Shabaab fighters attacked": the possessed actor acts
                    continue;
                }
                if (Clauses.onlyWords(words, prev.end(), m.start(), COORDINATORS)) {
                    out.add(m);
                } else {
                    break;
                }
            }
        }
        return dropAppositives(out);
    }

    /** "its forces had shelled": the possessor's people (a plural noun), then only auxiliaries, do the act. */
    private boolean possessedGroupActs(Mention m, int t) {
        int k = m.end();
        if (syntax == null || k >= t || !syntax.tag(k).equals("NOUN") || !words[k].endsWith("s")) {
            return false;
        }
        for (int i = k + 1; i < t; i++) {
            if (!Set.of("AUX", "ADV", "PART").contains(syntax.tag(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first main verb of the clause before {@code t} (or {@code t}), past which no subject stands; a verb
     * introducing reported speech ("said", "announced") does not count, since what follows has its own subject.
     */
    private int[] subjectWindow(int segStart, int t) {
        if (syntax == null) {
            return new int[] {segStart, t};
        }
        int start = segStart;
        for (int i = segStart; i < t; i++) {
            if (i == segStart ? introductory(i) : OPENERS.contains(words[i]) && opensClause(i)) {
                start = subordinateEnd(i, t, start);
            } else if ((words[i].equals("and") || words[i].equals("but")) && newSubjectAfter(start, i, t)) {
                start = i + 1; // "US troops defeated ISIS and Turkey would move in": Turkey moves
            } else if (REPORTING.contains(words[i]) && (syntax.isVerb(i) || actorEndsAt(i)) && !objectOf(i, t)
                    && !(i + 1 < t && words[i + 1].equals("to"))) { // not "people believed to have been involved"
                // right after an actor a reporting word is its verb, whatever its tag ("Bolton claims Trump asked")
                // "officials confirmed it has killed three": what is reported has its own subject
                start = i + 1 < t && words[i + 1].equals("that") ? i + 2 : i + 1;
            }
        }
        for (int i = start; i < t; i++) {
            if (syntax.isVerb(i) && !REPORTING.contains(words[i]) && !syntax.participleInPhrase(i)) {
                return new int[] {start, i};
            }
        }
        return new int[] {start, t};
    }

    /** "defeated ISIS and Turkey would ...": an actor followed by its own verb is no coordinated object. */
    private boolean subjectOfNextVerb(int t, Mention m, int segEnd) {
        // only after a verb's object: "the meeting between A and B has ended" keeps both parties
        return syntax != null && syntax.isVerb(t) && m.end() < segEnd && (syntax.tag(m.end()).equals("AUX")
                || syntax.isVerb(m.end()) && !words[m.end()].endsWith("ing"));
    }

    /** After a verb, "and" before an actor and its own verb opens a clause with a new subject. */
    private boolean newSubjectAfter(int start, int and, int t) {
        boolean verbBefore = false;
        for (int i = start; i < and && !verbBefore; i++) {
            verbBefore = syntax.isVerb(i) && !syntax.participleInPhrase(i);
        }
        return verbBefore && actorAndItsVerbAt(and + 1, t);
    }

    /** An actor at {@code i} (or after "the") followed by its own verb: "Turkey would", "the army launched". */
    private boolean actorAndItsVerbAt(int i, int t) {
        for (Mention m : mentions) {
            if ((m.start() == i || m.start() == i + 1 && words[i].equals("the")) && m.end() <= t
                    && (syntax.tag(m.end()).equals("AUX") || syntax.isVerb(m.end()))) {
                return true;
            }
        }
        return false;
    }

    private boolean actorEndsAt(int i) {
        for (Mention m : mentions) {
            if (m.end() == i && !m.place()) {
                return true;
            }
        }
        return false;
    }

    /** "announced new restrictions": the action noun at {@code t} is the reporting verb's own object. */
    private boolean objectOf(int verb, int t) {
        if (syntax.isVerb(t)) {
            return false; // "claims Trump asked": a verb is no object
        }
        for (int i = verb + 1; i < t; i++) {
            if (!Set.of("DET", "ADJ", "NUM", "ADV", "NOUN", "PROPN").contains(syntax.tag(i)) && !words[i].equals("of")) {
                return false;
            }
        }
        return true;
    }

    /** Words that open a subordinate clause, whose subject is not the main clause's. */
    private static final Set<String> OPENERS = Set.of("after", "before", "when", "while", "because", "since",
            "although", "though", "until", "whereas", "as", "if");

    /** A subordinating word, not "once again" or "such as". */
    private boolean opensClause(int i) {
        String tag = syntax.tag(i);
        // "as" tagged a preposition opens a clause only before a subject and its verb ("February 5 as Syrian
        // forces launched"), not in "served as envoy"
        return tag.equals("SCONJ") || tag.equals("ADP") && (!words[i].equals("as") || actorAndItsVerbAt(i + 1, n - 1))
                && !(i > 0 && (words[i - 1].equals("such") || words[i - 1].equals("well")));
    }

    /**
     * Where the clause of {@code t} starts, given a subordinate or opening phrase at {@code i}: after its comma
     * ("Following his visit, Erdogan will meet"; "before the jet crashed, Iran launched"), or inside it when it
     * holds the trigger ("the announcement was made after Trump had a call").
     */
    private int subordinateEnd(int i, int t, int start) {
        for (int k = i + 1; k < t; k++) {
            if (words[k].equals(",")) {
                return k + 1;
            }
        }
        for (int k = i + 1; k <= t && k < n; k++) {
            if (syntax.isVerb(k) || syntax.tag(k).equals("AUX")) {
                return i == start ? start : i + 1;
            }
        }
        return start;
    }

    /** A clause opening with a preposition, adverb or participle: "In a session held April 1, ...". */
    private boolean introductory(int i) {
        String tag = syntax.tag(i);
        return tag.equals("ADP") || tag.equals("SCONJ") || tag.equals("ADV")
                || tag.equals("VERB") && (words[i].endsWith("ing") || words[i].endsWith("ed"));
    }

    /**
     * "Yang Jiechi, the State Councillor of China, said": {@code at} lies in an appositive that follows a name
     * opening the clause and closes with a comma, so its country is the named person's.
     */
    boolean inAppositive(int start, int at) {
        if (syntax == null) {
            return false;
        }
        int i = start;
        while (i < at && syntax.tag(i).equals("PROPN")) {
            i++;
        }
        if (i == start || i >= at || !words[i].equals(",")) {
            return false;
        }
        for (int k = at; k < n; k++) {
            if (words[k].equals(",")) {
                return true;
            }
            if (syntax.isVerb(k)) {
                return false;
            }
        }
        return false;
    }

    private static final Set<String> QUANTITIES = Set.of("thousands", "hundreds", "dozens", "scores", "millions",
            "tens", "groups", "group", "crowds", "crowd", "number", "members", "supporters");

    /** "thousands of protesters marched": the counted actor is the subject. */
    private boolean countOf(int start) {
        return start > 1 && words[start - 1].equals("of") && QUANTITIES.contains(words[start - 2]);
    }

    /** "Kosachev, deputy chairman of the Federation Council," names one actor, not two. */
    private List<Mention> dropAppositives(List<Mention> ms) {
        if (ms.size() < 2) {
            return ms;
        }
        List<Mention> out = new ArrayList<>();
        out.add(ms.get(0));
        for (int i = 1; i < ms.size(); i++) {
            Mention prev = ms.get(i - 1);
            Mention m = ms.get(i);
            boolean apposed = m.start() - prev.end() <= 2 && words[prev.end()].equals(",");
            if (apposed && UnknownNames.is(prev) && !UnknownNames.is(m) && out.get(out.size() - 1) == prev) {
                out.set(out.size() - 1, m); // "Mohammad Karimi, the Afghan defence spokesperson": the title says who
                continue;
            }
            boolean commaOnly = m.start() - prev.end() == 1 && words[prev.end()].equals(",");
            if (commaOnly && m.refs().get(0).code().equals(prev.refs().get(0).code())) {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    List<Mention> objectsBefore(int segStart, int t) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= segStart && m.end() <= t && !m.place() && !UnknownNames.is(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** The passive's agent: "by X" after {@code from}. */
    List<Mention> byAgent(int from, int segEnd) {
        for (int i = from; i < segEnd - 1; i++) {
            if (words[i].equals("by")) {
                return coordinatedFrom(i + 1, segEnd, false);
            }
        }
        return List.of();
    }

    /** "from X" after {@code from}, with its coordinates. */
    List<Mention> fromActor(int from, int segEnd, boolean allowPlace) {
        List<Mention> out = List.of();
        for (int i = from; i < segEnd - 1 && out.isEmpty(); i++) {
            if (words[i].equals("from")) {
                out = coordinatedFrom(i + 1, segEnd, allowPlace);
            }
        }
        return out;
    }

    /** Mentions starting at or just after position {@code at} (allowing "the"), with their coordinates. */
    List<Mention> coordinatedFrom(int at, int segEnd, boolean allowPlace) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() < at || m.end() > segEnd || (m.place() && !allowPlace)) {
                continue;
            }
            if (out.isEmpty()) {
                if (!onlyDeterminers(at, m.start())) {
                    return out;
                }
                out.add(m);
            } else if (Clauses.onlyWords(words, out.get(out.size() - 1).end(), m.start(), COORDINATORS)) {
                out.add(m);
            } else {
                break;
            }
        }
        return out;
    }

    /** "by the US", "by a Ukrainian protester", "by two armed men": at most two determiners or numbers before it. */
    private boolean onlyDeterminers(int from, int to) {
        if (to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            String tag = syntax.tag(i);
            if (!tag.equals("DET") && !tag.equals("NUM")) {
                return false;
            }
        }
        return true;
    }

    /** The first actor after the trigger [t, mEnd) in its clause, with its coordinates; never one of {@code src}. */
    List<Mention> targets(Rule rule, int t, int mEnd, int segEnd, List<Mention> src) {
        // "the resolution proposed by the United States": the proposer is whom the action is about
        for (int i = mEnd; i < segEnd - 2; i++) {
            if (PROPOSED_BY.contains(words[i]) && words[i + 1].equals("by")) {
                List<Mention> ag = coordinatedFrom(i + 2, segEnd, false);
                if (!ag.isEmpty()) {
                    return ag;
                }
            }
        }
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() <= t || m.end() > segEnd || src.contains(m) || UnknownNames.is(m)) {
                continue; // a name no dictionary knows is often a place, a firm, an event: never a target
            }
            if (m.anti() && (m.end() > mEnd || m.anaphor())) {
                continue; // "anti-Russian rhetoric" elsewhere in the clause is not the action's target
            }
            if (rule.symmetric() && m.start() > 0 && TOPIC_PREPS.contains(words[m.start() - 1]) && out.isEmpty()) {
                continue; // "negotiations on Ukraine": a topic, not a party
            }
            // "fired rockets at Russia": a place right after a trigger ending in "at"/"on" is the target
            boolean aimedAt = m.place() && (words[mEnd - 1].equals("at") || words[mEnd - 1].equals("on"))
                    && (m.start() == mEnd || m.start() == mEnd + 1 && words[mEnd].equals("the"));
            if (m.place() && !rule.place() && !aimedAt) {
                continue;
            }
            if (out.isEmpty() && m.anaphor() && m.restates(src) && subjectOfNextVerb(t, m, segEnd)) {
                continue; // "Japan announced it would impose sanctions on Russia": "it" is Japan again
            }
            if (out.isEmpty()) {
                out.add(m);
            } else if (Clauses.onlyWords(words, out.get(out.size() - 1).end(), m.start(), COORDINATORS)
                    && !subjectOfNextVerb(t, m, segEnd)) {
                out.add(m);
            } else {
                break;
            }
        }
        return dropAppositives(out);
    }

    /** "talks between X and Y", "a meeting of X and Y". */
    boolean isBetween(int t, List<Mention> tgt) {
        int first = tgt.get(0).start();
        for (int i = t; i < first; i++) {
            if (words[i].equals("between") || words[i].equals("of")) {
                return true;
            }
        }
        return false;
    }

    /** "Starmer, who visited ...": the actor right before the relative word at {@code rel}. */
    List<Mention> relativeHead(int rel) {
        for (Mention m : mentions) {
            if (!m.place() && !m.anti() && (m.end() == rel || (m.end() == rel - 1 && words[rel - 1].equals(",")))) {
                return List.of(m);
            }
        }
        return List.of();
    }

    /** The subject of the clause that follows a "that" at or after {@code from}: "alleged that France ...". */
    List<Mention> clauseSubject(int from) {
        int at = from;
        while (at < n && at < from + 3 && !words[at].equals("that")) {
            at++;
        }
        if (at >= n || !words[at].equals("that") || at + 1 >= n || seg[at + 1] < 0) {
            return List.of();
        }
        int end = Clauses.clauseEnd(seg, at + 1, at + 1);
        int verb = syntax == null ? -1 : syntax.firstVerb(at + 2, end); // "that Egypt send food after floods hit"
        return subject(at + 1, verb > 0 ? verb : end);
    }
}
