package org.parley.coder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parley.common.Actor;
import org.parley.common.Event;
import org.parley.common.Span;

/**
 * Turns the chosen action matches of one sentence into events: source and target, modality, negation, passive,
 * dates, ids; then the reported-hostility rule and the negated-key filter. One per sentence with a match.
 */
final class EventAssembler {
    /** The built-in rule of reported hostile acts: the speaker accuses the actor. */
    private static final Rule REPORTED_RULE = Rule.parse("dis.reported | 112 | said | ");
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "without", "cannot", "neither", "nor");
    private static final Set<String> MODALS = Set.of("could", "might", "may", "ready", "willing",
            "intends", "intend", "plans", "plan", "offered", "offers", "offer", "proposed", "would", "hopes", "seeks",
            "want", "wants", "wanted", "threatened", "threatens", "vowed", "vows", "aims", "pledged", "pledges",
            "promised", "promises");
    private static final Set<String> BE = Set.of("was", "were", "been", "being", "is", "are", "be");
    private static final Set<String> SAME_COUNTRY_ROLES = Set.of("OPP", "REB", "CVL", "MED", "EDU", "REL", "JUD");
    private static final Set<String> OBJECT_STARTS = Set.of("a", "an", "the", "his", "her", "their", "its",
            "several", "dozens", "hundreds", "thousands", "scores", "at", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "many", "some", "more", "over", "nearly", "about", "up");
    private static final Set<String> SUBJECT_OPENERS = Set.of("the", "a", "an", "eastern-based", "western-based",
            "then", "new", "former", "top", "senior", "local", "state-run", "state");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an");

    /** A chosen match in its clause [segStart, segEnd); {@code matched}: its words, only when observed. */
    private record Trigger(Rule rule, int t, int end, int segStart, int segEnd, boolean passive, boolean nominal,
                           String matched) {
    }

    /** Who acts on whom; {@code between}: the parties of "talks between X and Y". */
    private record Roles(List<Mention> src, List<Mention> tgt, boolean between) {
    }

    private final Lexicon lex;
    private final Syntax syntax;
    private final CoderInput in;
    private final Sentence s;
    private final String[] words;
    private final int[] seg;
    private final int n;
    private final LocalDate articleDate;
    private final ClauseRoles roles;
    private final List<Mention> modifiers;
    private final CodingObserver obs;
    private final String sentence;
    private final Span sentenceSpan;
    private final SentenceState st = new SentenceState();

    EventAssembler(Lexicon lex, CoderInput in, String text, Sentence s, Syntax syntax, LocalDate articleDate,
                   ClauseRoles roles, List<Mention> modifiers, CodingObserver obs) {
        this.lex = lex;
        this.syntax = syntax;
        this.in = in;
        this.s = s;
        this.words = s.words();
        this.seg = s.seg();
        this.n = s.n();
        this.articleDate = articleDate;
        this.roles = roles;
        this.modifiers = modifiers;
        this.obs = obs;
        this.sentenceSpan = new Span(s.span()[0], s.span()[1]);
        this.sentence = text.substring(s.span()[0], s.span()[1]);
    }

    /** Adds the sentence's events to {@code out}; returns the first source, the focus for later anaphors. */
    ActorRef assemble(List<Match> chosen, List<Event> out) {
        for (Match m : chosen) {
            code(m);
        }
        reportHostility();
        for (Event e : st.produced.values()) {
            String key = e.source().code() + ">" + (e.target() == null ? "-" : e.target().code()) + ">" + e.root();
            if (!st.negated.contains(key)) {
                out.add(e);
            } else {
                obs.eventDropped(e, key);
            }
        }
        return st.firstSource;
    }

    private void code(Match m) {
        Rule rule = m.rule();
        int t = m.start();
        String matched = obs.recording() ? Clauses.slice(words, t, m.end()) : null;
        if (rule.blocking()) {
            obs.ruleTried(rule, matched, "blocking pattern: these words are no event");
            return;
        }
        int segStart = Clauses.clauseStart(seg, t);
        int segEnd = Clauses.clauseEnd(seg, t, m.end());
        // "met in Zurich to discuss", "faces pressure to help", "wants Putin to attack": an infinitive after
        // another action in the clause is its purpose or content, not a second act
        if (t > 0 && words[t - 1].equals("to") && st.lastEmitSeg == seg[t] && t - st.lastEmitEnd <= 8
                && !st.lastRoot.equals("03")) {
            obs.ruleTried(rule, matched, "skipped: infinitive after an earlier action of the clause");
            return;
        }
        // without the article's own date no year in the text can be told past
        int year = in.date() != null ? articleDate.getYear() : Integer.MIN_VALUE;
        String notCurrent = Factuality.notCurrent(s, syntax, segStart, t, m.end(), segEnd, year);
        if (notCurrent != null) {
            obs.ruleTried(rule, matched, "skipped: " + notCurrent);
            return;
        }
        boolean neg = negatedAt(words, t, m.end(), segStart, segEnd);
        boolean modal = modalAt(words, segStart, t, m.end());
        boolean nominal = t > 0 && (DETERMINERS.contains(words[t - 1]) || words[t - 1].equals("'s"));
        Trigger a = new Trigger(rule, t, m.end(), segStart, segEnd, passiveAt(t, m.end()), nominal, matched);
        Roles r = sourceAndTarget(a);
        if (r == null) {
            return;
        }
        List<Mention> src = r.src();
        List<Mention> tgt = r.tgt();
        if (rule.verbAlone() && !VerbRole.objectNear(syntax, m.end(), tgt, rule.code())) {
            obs.ruleTried(rule, matched, "skipped: a verb alone needs an actor as its object");
            return;
        }
        if (tgt.isEmpty() && !r.between() && rule.place() && roles.location() != null && !src.isEmpty()) {
            tgt = List.of(roles.location());
        }
        boolean placeTarget = false;
        for (Mention x : tgt) {
            placeTarget |= x.place();
        }
        st.lastMatchEnd = m.end();
        st.lastMatchSeg = seg[t];
        if (!tgt.isEmpty()) {
            st.lastTargetSeg = seg[t];
            st.lastTargets = tgt;
        }
        if (src.isEmpty()) {
            obs.ruleTried(rule, matched, a.passive() ? "matched (passive) but found no agent or speaker as source"
                    : rule.fromSource() ? "matched but found no \"from X\" source actor"
                    : "matched but found no source actor (no subject before the action word)");
            return;
        }
        String code = rule.code();
        if (modal && rule.intentCode() != null) {
            code = rule.intentCode();
        }
        if (neg) {
            if (rule.negatedCode() == null) {
                negate(src, tgt, code);
                obs.ruleTried(rule, matched, "negated: no event");
                return;
            }
            code = rule.negatedCode();
        }
        if (!rule.imported() && !neg) {
            code = infinitiveCode(rule, code, t); // Parley's own rules: "agreed to extradite" is an intent
            if (code == null) {
                obs.ruleTried(rule, matched, "skipped: a refused hostile act");
                return;
            }
        }
        if (code.startsWith("19") && verbalTarget(t, m.end())) {
            code = "111"; // "Erdogan attacked the proclamation": words, not force
        }
        if (rule.imported()) {
            code = framedCode(code, t);
            if (code == null) {
                obs.ruleTried(rule, matched, "skipped: only possible, or a refused hostile act (" + Modality.frame(s,
                        syntax, t) + ")");
                return;
            }
        }
        emitAll(a, code, modal, neg, src, tgt, placeTarget);
    }

    private String infinitiveCode(Rule rule, String code, int t) {
        Modality.Frame f = Modality.infinitiveFrame(s, syntax, t);
        if (f == Modality.Frame.REFUSAL) {
            return Modality.refusalCode(rule.code());
        }
        if (f != Modality.Frame.INTENT || code.startsWith("03") || code.startsWith("13")) {
            return code;
        }
        String intent = rule.intentCode() != null ? rule.intentCode() : Modality.intentCode(code);
        return intent == null ? code : intent;
    }

    /** An imported rule's code as the clause frames it: "agreed to provide" is an intent, "refused to" a rejection. */
    private String framedCode(String code, int t) {
        return switch (Modality.frame(s, syntax, t)) {
            case ACT, OTHER -> code;
            case INTENT -> Modality.intentCode(code);
            case REFUSAL -> Modality.refusalCode(code);
            case SPECULATION -> null;
        };
    }

    /** Null when the match is skipped (an action noun that is an earlier action's object). */
    private Roles sourceAndTarget(Trigger a) {
        List<Mention> before = roles.subject(a.segStart(), a.t());
        if (a.rule().fromSource()) {
            return fromSourceRoles(a, before);
        }
        if (a.passive()) {
            return passiveRoles(a, before);
        }
        return activeRoles(a, before);
    }

    /** "X received weapons from Y", "X faces pressure from Y": Y acts on X. */
    private Roles fromSourceRoles(Trigger a, List<Mention> before) {
        List<Mention> src = roles.fromActor(a.end(), a.segEnd(), false);
        if (src.isEmpty() && a.passive()) {
            src = roles.byAgent(a.end() - 1, a.segEnd());
        }
        List<Mention> tgt = before.isEmpty() && a.segStart() > 0 && Clauses.RELATIVE.contains(words[a.segStart() - 1])
                ? roles.relativeHead(a.segStart() - 1) : before;
        return new Roles(src, tgt, false);
    }

    private Roles passiveRoles(Trigger a, List<Mention> before) {
        List<Mention> src;
        List<Mention> tgt;
        List<Mention> agent = roles.byAgent(a.end() - 1, a.segEnd());
        if (!agent.isEmpty()) {
            src = agent;
            // "Evidence against Russia was presented by the US": the object may sit in a phrase
            if (before.isEmpty()) {
                tgt = new ArrayList<>(roles.objectsBefore(a.segStart(), a.end()));
                tgt.removeAll(agent);
            } else {
                tgt = before;
            }
        } else {
            tgt = roles.objectsBefore(a.segStart(), a.end());
            // "rockets were fired at Israel from Gaza": where it came from acts
            List<Mention> from = roles.fromActor(a.end(), a.segEnd(), true);
            if (!from.isEmpty() && Integer.parseInt(a.rule().code().substring(0, 2)) >= 14) {
                src = from;
                if (tgt.isEmpty()) {
                    tgt = new ArrayList<>(roles.targets(a.rule(), a.t(), a.end(), a.segEnd(), src));
                    tgt.removeAll(from);
                }
            } else {
                // an agentless passive ("sanctions could be lifted") is the speaker's
                Mention speaker = roles.speaker();
                src = speaker == null || tgt.contains(speaker) || speaker.anonymousCivilians() ? List.of()
                        : List.of(speaker);
            }
        }
        return new Roles(src, tgt, false);
    }

    private Roles activeRoles(Trigger a, List<Mention> before) {
        Rule rule = a.rule();
        int t = a.t();
        int segStart = a.segStart();
        List<Mention> src = before;
        boolean between = false;
        if (src.isEmpty() && segStart > 0 && Clauses.RELATIVE.contains(words[segStart - 1])) {
            src = roles.relativeHead(segStart - 1);
        }
        if (src.isEmpty()) {
            src = modifierSource(segStart, t);
        }
        // "X's visit to Y" / "the visit of X to Y": the noun's "of" actor acts
        if (a.nominal() && !rule.symmetric() && a.end() < n && words[a.end()].equals("of")) {
            List<Mention> of = roles.coordinatedFrom(a.end() + 1, a.segEnd(), false);
            if (!of.isEmpty()) {
                src = of;
            }
        }
        Mention owner = possessor(t);
        if (owner != null && !rule.symmetric()) {
            src = List.of(owner); // "X resents Y's invasion of Z": the invasion is Y's, whoever resents it
        } else if (!src.isEmpty() && src == before && reasonFor(t)) {
            obs.ruleTried(rule, a.matched(), "skipped: an action noun given as a reason, not an act of the subject");
            return null; // "sanctioned Iran over alleged assassination plots" is no assassination by the sanctioner
        } else if (a.nominal() && !src.isEmpty() && src == before && spokenOf(src.get(src.size() - 1).end(), t)) {
            obs.ruleTried(rule, a.matched(), "skipped: an action noun its clause's subject only speaks of");
            return null; // "X called the strike justified" is no strike by X
        }
        List<Mention> tgt = roles.targets(rule, t, a.end(), a.segEnd(), src);
        if (rule.objectNext() && !tgt.isEmpty() && tgt.get(0).start() - a.end() > 1) {
            tgt = List.of(); // "wants Putin to ...": only an actor right after the verb is its object
        }
        if (tgt.isEmpty() && a.end() < n && words[a.end()].equals("that") && demandsOf(rule.code())) {
            tgt = roles.clauseSubject(a.end()); // "Brazil demanded that Paraguay withdraw": the demand is on Paraguay
        }
        if (rule.topicObject() && !tgt.isEmpty() && !words[tgt.get(0).start() - 1].equals("with")) {
            tgt = List.of(); // "met to discuss Libya's relations": what is discussed is no party to it
        }
        if (rule.clausal()) {
            tgt = roles.clauseSubject(a.end());
            if (!tgt.isEmpty() && tgt.get(0).anaphor()) {
                tgt = List.of(); // "X claimed that they ...": a claim about oneself accuses no one
            }
        }
        boolean nominalObject = a.nominal() && st.lastMatchSeg == seg[t] && st.lastMatchEnd <= t
                && !words[t - 1].equals("'s");
        if ((rule.symmetric() || rule.mutual()) && Mention.refsOf(tgt).size() >= 2 && roles.isBetween(t, tgt)) {
            src = tgt; // "talks between X and Y" are X's and Y's, whoever reports or hinders them
            tgt = List.of();
            between = true;
        } else if (nominalObject) {
            obs.ruleTried(rule, a.matched(), "skipped: the action noun is the object of an earlier action");
            return null; // "facilitated the signing of an agreement": the noun is the verb's object
        }
        if (tgt.isEmpty() && rule.objectBefore() && !src.isEmpty()) {
            int from = src.get(src.size() - 1).end();
            for (Mention o : roles.mentions()) {
                if (o.start() >= from && o.end() <= t && !o.place() && !o.anti()) {
                    tgt = List.of(o);
                    break;
                }
            }
        }
        // "supported Kiev politically and with arms supplies": the object is shared
        if (tgt.isEmpty() && !src.isEmpty() && st.lastTargetSeg == seg[t] && t - st.lastMatchEnd <= 6
                && Clauses.contains(words, st.lastMatchEnd, t, "and")) {
            tgt = st.lastTargets;
        }
        return new Roles(src, tgt, between);
    }

    private static final java.util.Set<String> REASON_PREPS = java.util.Set.of("over", "about", "amid", "despite",
            "because", "regarding", "concerning");

    /** An action noun after a preposition of cause or topic ("over alleged plots", "amid protests"). */
    private boolean reasonFor(int t) {
        for (int i = t - 1; i >= Math.max(0, t - 4); i--) {
            if (REASON_PREPS.contains(words[i])) {
                return syntax.isNoun(t);
            }
            String tag = syntax.tag(i);
            if (!tag.equals("ADJ") && !tag.equals("DET") && !tag.equals("VERB") && !tag.equals("NOUN")
                    && !tag.equals("PROPN")) {
                return false;
            }
        }
        return false;
    }

    /** What one can attack only with words: decisions, plans, statements. */
    private static final java.util.Set<String> VERBAL_OBJECTS = java.util.Set.of("decision", "decisions",
            "proclamation", "plan", "plans", "policy", "policies", "proposal", "proposals", "law", "laws", "bill",
            "move", "remarks", "statement", "statements", "report", "subpoena", "ruling", "idea", "approach",
            "stance", "comments", "deal", "agreement", "resolution", "claim", "claims", "rhetoric", "record",
            "media", "press", "critics", "opponents", "election", "verdict", "announcement", "handling", "response");

    /** The verb's object, right after it past determiners and adjectives, is something only words can attack. */
    private boolean verbalTarget(int t, int end) {
        if (!syntax.isVerb(t)) {
            return false;
        }
        for (int i = end; i < Math.min(n, end + 4); i++) {
            if (VERBAL_OBJECTS.contains(words[i])) {
                return true;
            }
            String tag = syntax.tag(i);
            if (!tag.equals("DET") && !tag.equals("ADJ") && !tag.equals("PRON") && !tag.equals("PROPN")
                    && !tag.equals("PART")) {
                return false;
            }
        }
        return false;
    }

    /** Appeals, demands, disapproval, rejection and threats are addressed to whoever the "that" clause is about. */
    private static boolean demandsOf(String code) {
        String root = code.substring(0, 2);
        return root.equals("02") || root.equals("10") || root.equals("11") || root.equals("12") || root.equals("13");
    }

    /** The actor whose possessive governs the action noun at {@code t}: "Israel's airstrike". */
    private Mention possessor(int t) {
        if (t < 2 || !words[t - 1].equals("'s")) {
            return null;
        }
        for (Mention m : roles.mentions()) {
            if (m.end() == t - 1 && !m.place() && !m.anaphor()) {
                return m;
            }
        }
        return null;
    }

    /** Verbs of judging and recounting: their object noun is talked about, not done ("called the strike justified"). */
    private static final List<String> SPEAKING_OF = List.of("call", "consider", "describ", "term", "deem", "regard",
            "view", "label", "brand", "resent", "recall", "remember", "mention", "discuss", "comment", "question",
            "doubt", "debat", "study", "studie", "review", "analy", "document", "recount", "blam", "justif",
            "excus", "defend", "refer");

    /** A verb of judging or recounting between the subject and an action noun: the noun is what it talks about. */
    private boolean spokenOf(int subjectEnd, int t) {
        for (int i = subjectEnd; i < t; i++) {
            if (syntax.isVerb(i)) {
                for (String v : SPEAKING_OF) {
                    if (words[i].startsWith(v)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * "Israeli shelling", "a Russian air strike": a nationality before an action noun acts;
     * "The Libyan National Army released ...": so does one opening the clause's subject phrase.
     */
    private List<Mention> modifierSource(int segStart, int t) {
        List<Mention> src = List.of();
        for (Mention mod : modifiers) {
            boolean beforeNoun = mod.end() <= t && t - mod.end() <= 2;
            boolean opensSubject = mod.end() < t && t - mod.end() <= 4 && mod.start() - segStart <= 2
                    && Clauses.onlyWords(words, segStart, mod.start(), SUBJECT_OPENERS);
            if (mod.start() >= segStart && (beforeNoun || opensSubject)) {
                src = List.of(mod);
            }
        }
        return src;
    }

    /** A negated action drops every event of its root between the same actors, either way. */
    private void negate(List<Mention> src, List<Mention> tgt, String code) {
        for (ActorRef a : Mention.refsOf(src)) {
            for (ActorRef b : Mention.refsOf(tgt.isEmpty() ? src : tgt)) {
                st.negated.add(a.code() + ">" + b.code() + ">" + code.substring(0, 2));
                st.negated.add(b.code() + ">" + a.code() + ">" + code.substring(0, 2));
            }
        }
    }

    private void emitAll(Trigger a, String code, boolean modal, boolean neg, List<Mention> src, List<Mention> tgt,
                         boolean placeTarget) {
        Rule rule = a.rule();
        int producedBefore = st.produced.size();
        if (!tgt.isEmpty()) {
            // an act between actors, even one that gives no event (same country), governs an infinitive
            st.lastEmitSeg = seg[a.t()];
            st.lastEmitEnd = a.end();
            st.lastRoot = code.substring(0, 2);
        }
        LocalDate date = DateResolver.resolve(s.toks(), a.t(), articleDate);
        String loc = roles.location() == null ? null : roles.location().text();
        List<ActorRef> sources = Mention.refsOf(src);
        List<ActorRef> targets = Mention.refsOf(tgt);
        StringBuilder outcome = obs.recording() ? new StringBuilder() : null;
        if (targets.isEmpty()) {
            emitTargetless(a, code, date, loc, sources, outcome);
        } else {
            boolean twoWay = rule.symmetric() && !placeTarget;
            for (ActorRef x : sources) {
                for (ActorRef y : targets) {
                    note(outcome, emit(date, x, y, code, rule, loc));
                    if (twoWay) {
                        note(outcome, emit(date, y, x, code, rule, loc));
                    }
                }
            }
            if (rule.mutual() && sources.size() >= 2) { // coordinated subjects act on each other
                emitAmong(sources, date, code, rule, loc, outcome);
            }
        }
        if (outcome != null) {
            String how = (modal && rule.intentCode() != null ? "modal -> intent code " + code + "; " : "")
                    + (neg ? "negated -> " + code + "; " : "") + (a.passive() ? "passive; " : "");
            obs.ruleTried(rule, a.matched(), how + outcome);
        }
        if (st.produced.size() > producedBefore) {
            st.lastEmitSeg = seg[a.t()];
            st.lastEmitEnd = a.end();
            st.lastRoot = code.substring(0, 2);
        }
        if (st.firstSource == null) {
            st.firstSource = sources.get(0);
        }
    }

    private void emitTargetless(Trigger a, String code, LocalDate date, String loc, List<ActorRef> sources,
                                StringBuilder outcome) {
        Rule rule = a.rule();
        int t = a.t();
        if ((rule.symmetric() || rule.mutual()) && sources.size() >= 2) {
            emitAmong(sources, date, code, rule, loc, outcome);
        } else if (rule.noTarget() || !rule.imported() && forceOrNoSense(code) && !a.passive() && !a.nominal()
                && verbWithObject(words, a.end())
                && !(t > 0 && words[t - 1].equals("to"))) {
            // a verb whose object is no actor still acts: "shelled the enclave", "rejected the request";
            // not an infinitive, which often completes a noun ("a threat to boycott the ceremony")
            for (ActorRef x : sources) {
                note(outcome, emit(date, x, null, code, rule, loc));
            }
        } else {
            int root = Integer.parseInt(code.substring(0, 2));
            if (root >= 14) {
                st.hostile.addAll(sources); // still an act a speaker can be reporting
            }
            if (outcome != null) {
                outcome.append("matched but found no target actor");
            }
        }
    }

    /**
     * Whether a verb of Parley's own rules acts without an actor as its object: force does ("shelled the enclave"),
     * but "released a statement" or "asks about many laws" are no releasing or asking of anyone.
     */
    private static boolean forceOrNoSense(String code) {
        return code.compareTo("14") >= 0 || code.startsWith("12") || code.startsWith("11");
    }

    /** Every ordered pair of the sources (emit skips an actor with itself). */
    private void emitAmong(List<ActorRef> sources, LocalDate date, String code, Rule rule, String loc,
                           StringBuilder outcome) {
        for (ActorRef x : sources) {
            for (ActorRef y : sources) {
                note(outcome, emit(date, x, y, code, rule, loc));
            }
        }
    }

    /**
     * "Israel said a mortar was fired at it from Gaza", "the US said Iraq had attacked": a speaker who reports
     * material hostility (roots 14-20) by another actor accuses that actor (112), as CAMEO codes allegations.
     */
    private void reportHostility() {
        Mention reporter = roles.reportingSpeaker();
        if (reporter == null || reporter.anonymousCivilians()) {
            return;
        }
        List<ActorRef> accused = new ArrayList<>(st.hostile);
        for (Event e : st.produced.values()) {
            int root = Integer.parseInt(e.root());
            if (root >= 14 && !e.rule().equals(REPORTED_RULE.id())) {
                accused.add(new ActorRef(e.source().code(), e.source().type(), e.source().role(), e.source().name(),
                        e.source().text(), false));
            }
        }
        LocalDate date = DateResolver.resolve(s.toks(), 0, articleDate);
        String loc = roles.location() == null ? null : roles.location().text();
        for (ActorRef a : accused) {
            // an anaphor ("they will attack") is the speaker's own side, not someone accused
            boolean named = a.text() != null && !a.text().isEmpty() && Character.isUpperCase(a.text().charAt(0));
            for (ActorRef sp : reporter.refs()) {
                if (named && !sp.code().equals(a.code()) && !EventCoder.UNKNOWN.equals(a.code())) {
                    String what = emit(date, sp, a, REPORTED_RULE.code(), REPORTED_RULE, loc);
                    if (obs.recording() && what != null) {
                        obs.ruleTried(REPORTED_RULE, reporter.text(), "reports a hostile act by " + a.code() + ": "
                                + what);
                    }
                }
            }
        }
    }

    /** Adds the event a -> b (b may be null) unless it is none; returns what happened, for explanations. */
    private String emit(LocalDate date, ActorRef a, ActorRef b, String code, Rule rule, String loc) {
        if (EventCoder.UNKNOWN.equals(a.code()) && (b == null || EventCoder.UNKNOWN.equals(b.code()))) {
            return "no event: neither side is known";
        }
        if (b != null && a.code().equals(b.code())
                && !(a.role() != null && SAME_COUNTRY_ROLES.contains(a.role())
                || b.role() != null && SAME_COUNTRY_ROLES.contains(b.role()))) {
            return a == b ? null : "no event " + a.code() + ">" + b.code() + " (same actor on both sides)";
        }
        String key = a.code() + ">" + (b == null ? "-" : b.code()) + ">" + code;
        if (st.produced.containsKey(key)) {
            return "duplicate " + key;
        }
        Lexicon.CodeInfo info = lex.codebook.get(code);
        String root = code.substring(0, 2);
        Actor source = new Actor(a.code(), a.type(), a.role(), a.name(), a.text());
        Actor target = b == null ? null : new Actor(b.code(), b.type(), b.role(), b.name(), b.text());
        String id = stableId(in.articleId() + "|" + s.index() + "|" + a.code() + "|" + (b == null ? "" : b.code())
                + "|" + code + "|" + rule.id());
        st.produced.put(key, new Event(id, in.articleId(), s.index(), sentence, sentenceSpan, date, source, target,
                code, root, Event.quadClassOfRoot(root), info == null ? 0.0 : info.goldstein(),
                info == null ? null : info.plover(), loc, rule.id(), in.ingestedAt()));
        return "event " + key;
    }

    private static void note(StringBuilder sb, String what) {
        if (sb != null && what != null) {
            sb.append(sb.length() == 0 ? "" : ", ").append(what);
        }
    }

    private static boolean negatedAt(String[] words, int t, int end, int segStart, int segEnd) {
        for (int i = t - 1; i >= Math.max(segStart + 1, t - 8); i--) {
            if (words[i].equals("longer") && words[i - 1].equals("no")) {
                return true;
            }
        }
        for (int i = t - 1; i >= Math.max(segStart, t - 4); i--) {
            if (NEGATIONS.contains(words[i]) || words[i].endsWith("n't")) {
                return true;
            }
        }
        for (int i = end; i < segEnd; i++) {
            String w = words[i];
            if (w.startsWith("cancel") || w.startsWith("postpon") || w.equals("called") && i + 1 < segEnd
                    && words[i + 1].equals("off")) {
                return true;
            }
            if ((NEGATIONS.contains(w) || w.endsWith("n't")) && i + 1 < segEnd) {
                String next = words[i + 1];
                if (next.equals("take") || next.equals("took") || next.startsWith("happen")
                        || next.startsWith("occur") || next.startsWith("materiali")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A modal word up to four words before the trigger, or inside it. */
    private static boolean modalAt(String[] words, int segStart, int t, int end) {
        boolean modal = false;
        for (int i = Math.max(segStart, t - 4); i < end; i++) {
            if (MODALS.contains(words[i])) {
                modal = true;
            }
        }
        return modal;
    }

    /** "was criticised", "were held", but not "was engaged in", "is committed to". */
    private boolean passiveAt(int t, int end) {
        boolean passive = false;
        for (int p = t; p < end && !passive; p++) {
            passive = (p >= 1 && BE.contains(words[p - 1]) || p >= 2 && BE.contains(words[p - 2]))
                    && (words[p].endsWith("ed") || words[p].endsWith("en") || words[p].equals("held")
                    || words[p].equals("met"))
                    && !(p + 1 < n && (words[p + 1].equals("in") || words[p + 1].equals("to")
                    || words[p + 1].equals("with") || words[p + 1].equals("about")));
        }
        return passive;
    }

    /** "shelled the enclave", "killed 19 people": a trigger followed by a noun phrase is a verb with an object. */
    private static boolean verbWithObject(String[] words, int end) {
        if (end >= words.length) {
            return false;
        }
        String w = words[end];
        return OBJECT_STARTS.contains(w) || Character.isDigit(w.charAt(0));
    }

    /** One digest per thread: getInstance is a provider lookup, too slow for every event. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    });

    /** The first 16 hex digits of the SHA-256 of {@code s}: event ids stable across runs. */
    static String stableId(String s) {
        MessageDigest md = SHA256.get();
        md.reset();
        byte[] h = md.digest(s.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            sb.append(Character.forDigit((h[i] >> 4) & 0xF, 16)).append(Character.forDigit(h[i] & 0xF, 16));
        }
        return sb.toString();
    }
}
