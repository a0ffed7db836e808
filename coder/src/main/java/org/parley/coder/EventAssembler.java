package org.parley.coder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.parley.common.Actor;
import org.parley.common.Event;
import org.parley.common.Span;

/**
 * Turns the chosen action matches of one sentence into events: source and target ({@link RoleAssignment}), the code
 * ({@link CodeAdjustments}), modality, negation, passive, dates, ids; then the reported-hostility rule and the
 * negated-key filter. One per sentence with a match.
 */
final class EventAssembler {
    /** The built-in rule of reported hostile acts: the speaker accuses the actor. */
    private static final Rule REPORTED_RULE = Rule.parse("dis.reported | 112 | said | ");
    /** The built-in rule of reported obligations: "X said Y must act" is X's demand on Y. */
    private static final Rule MUST_RULE = Rule.parse("demand.must | 100 | must | ");
    private static final Set<String> SAME_COUNTRY_ROLES = Set.of("OPP", "REB", "CVL", "MED", "EDU", "REL", "JUD");
    private static final Set<String> OBJECT_STARTS = Set.of("a", "an", "the", "his", "her", "their", "its",
            "several", "dozens", "hundreds", "thousands", "scores", "at", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "many", "some", "more", "over", "nearly", "about", "up");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an");

    private final Lexicon lex;
    private final Syntax syntax;
    private final CoderInput in;
    private final Sentence s;
    private final String[] words;
    private final int[] seg;
    private final int n;
    private final LocalDate articleDate;
    private final ClauseRoles roles;
    private final RoleAssignment assignment;
    private final CodeAdjustments adjustments;
    private final CodingObserver obs;
    private final String sentence;
    private final Span sentenceSpan;
    private final SentenceState st = new SentenceState();
    private LearnedOpinion.Vote vote = LearnedOpinion.Vote.NONE;

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
        this.obs = obs;
        this.assignment = new RoleAssignment(s, syntax, roles, modifiers, obs, st);
        this.adjustments = new CodeAdjustments(s, syntax, obs);
        this.sentenceSpan = new Span(s.span()[0], s.span()[1]);
        this.sentence = text.substring(s.span()[0], s.span()[1]);
    }

    /** Lets the learned opinion confirm one-sided events that the dictionaries alone would not code. */
    EventAssembler confirmedBy(LearnedOpinion.Vote v) {
        this.vote = v;
        return this;
    }

    /** Adds the sentence's events to {@code out}; returns the first source, the focus for later anaphors. */
    ActorRef assemble(List<Match> chosen, List<Event> out) {
        // events are only appended while coding, so each match's events are a range of the produced map's order
        int[] upTo = new int[chosen.size() + 1];
        for (int i = 0; i < chosen.size(); i++) {
            upTo[i] = st.produced.size();
            code(chosen.get(i));
        }
        upTo[chosen.size()] = st.produced.size();
        dropFallbacks(chosen, upTo);
        reportHostility();
        reportDemand();
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

    /** "agreed to lift the sanctions": a generic intent gives way to the event of the act it announces. */
    private void dropFallbacks(List<Match> chosen, int[] upTo) {
        List<String> keys = null;
        for (int f = 0; f < chosen.size(); f++) {
            Match fb = chosen.get(f);
            if (!fb.rule().fallback() || upTo[f + 1] == upTo[f]) {
                continue;
            }
            for (int o = 0; o < chosen.size(); o++) {
                Match other = chosen.get(o);
                if (!other.rule().fallback() && other.start() >= fb.end() && other.start() <= fb.end() + 2 + Modality.timePhraseAt(words, fb.end())
                        && seg[other.start()] == seg[fb.start()] && upTo[o + 1] > upTo[o]) {
                    keys = keys == null ? new ArrayList<>(st.produced.keySet()) : keys;
                    keys.subList(upTo[f], upTo[f + 1]).forEach(st.produced::remove);
                    if (obs.recording()) {
                        obs.ruleTried(fb.rule(), Clauses.slice(words, fb.start(), fb.end()),
                                "dropped: the act it announces gave its own event (" + other.rule().id() + ")");
                    }
                    break;
                }
            }
        }
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
        String notAnAct = Factuality.sportingContest(words, segStart, segEnd, rule.code())
                ? "a sporting contest, not force between states" : notAnAct(t, m.end(), segStart, segEnd);
        if (notAnAct != null) {
            obs.ruleTried(rule, matched, "skipped: " + notAnAct);
            return;
        }
        boolean neg = VoiceAndPolarity.negatedAt(words, t, m.end(), segStart, segEnd);
        boolean modal = VoiceAndPolarity.modalAt(s.toks(), words, segStart, t, m.end());
        boolean nominal = t > 0 && (DETERMINERS.contains(words[t - 1]) || words[t - 1].equals("'s"))
                || t > 1 && DETERMINERS.contains(words[t - 2]) && syntax.tag(t - 1).equals("ADJ") && syntax.isNoun(t)
                || NominalOwner.afterInOrBy(words, t) && syntax.isNoun(t);
        boolean passive = VoiceAndPolarity.passiveAt(words, roles.mentions(), t, m.end());
        Trigger a = new Trigger(rule, t, m.end(), segStart, segEnd, passive, nominal, matched);
        RoleAssignment.Roles r = assignment.sourceAndTarget(a);
        if (r == null) {
            return;
        }
        List<Mention> src = r.src();
        List<Mention> tgt = r.tgt();
        if (CodeAdjustments.unnamedPeopleOnly(rule, src, tgt)) {
            obs.ruleTried(rule, matched, "skipped: unnamed people as a party of an imported pattern");
            return; // "two people who returned from Italy", "it allows people to see the process"
        }
        if (rule.verbAlone() && !VerbRole.objectNear(syntax, m.end(), tgt, rule.code())) {
            obs.ruleTried(rule, matched, "skipped: a verb alone needs an actor as its object");
            return;
        }
        tgt = placeTarget(rule, r.between(), src, tgt);
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
            String negCode = rule.negatedCode() != null ? rule.negatedCode()
                    : VoiceAndPolarity.refusedAhead(words, t, segStart) ? Modality.refusalCode(rule.code()) : null;
            if (negCode == null) {
                negate(src, tgt, code);
                obs.ruleTried(rule, matched, "negated: no event");
                return;
            }
            neg = rule.negatedCode() != null; // "would not give permission to Russia" is a refusal (12), not negated
            modal &= neg;
            code = negCode;
        }
        code = CodeAdjustments.bySource(adjustments.adjust(rule, code, neg, t, m.end(), matched), src, words[t]);
        if (code == null) {
            return;
        }
        emitAll(a, code, modal, neg, src, tgt, placeTarget);
    }

    /** Why the words at {@code t} state no current act of the clause, or null when they may. */
    private String notAnAct(int t, int end, int segStart, int segEnd) {
        // "met in Zurich to discuss", "faces pressure to help", "wants Putin to attack": an infinitive after
        // another action in the clause is its purpose or content, not a second act
        Modality.Frame frame = t > 0 && words[t - 1].equals("to") ? Modality.infinitiveFrame(s, syntax, t) : null;
        if (frame != null && st.lastEmitSeg == seg[t] && t - st.lastEmitEnd <= 8 && !st.lastRoot.equals("03")
                && frame != Modality.Frame.REFUSAL && frame != Modality.Frame.ACT) { // "came to persuade" persuades
            return "infinitive after an earlier action of the clause";
        }
        if (Modality.requestedOfOther(s, syntax, t) || Modality.demandedThat(s, syntax, t)
                || Factuality.reasonGiven(words, syntax, segStart, t)) {
            return "an act a request asks of someone, or the reason given for another act: not the subject's";
        }
        // without the article's own date no year in the text can be told past
        return Factuality.notCurrent(s, syntax, segStart, t, end, segEnd, in.date() != null ? articleDate : null);
    }

    /** "attacked a police station in Pakistan": an act on the place, or on no one of a known country, there. */
    private List<Mention> placeTarget(Rule rule, boolean between, List<Mention> src, List<Mention> tgt) {
        boolean noKnownTarget = tgt.isEmpty() || tgt.stream().allMatch(Mention::ofUnknownCountry);
        return !between && rule.place() && roles.location() != null && !src.isEmpty() && noKnownTarget
                ? List.of(roles.location()) : tgt;
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
            emitTargetless(a, code, date, loc, sources, outcome, neg);
        } else {
            boolean twoWay = rule.symmetric() && !placeTarget && !code.startsWith("12"); // a refusal is one side's
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
                                StringBuilder outcome, boolean neg) {
        Rule rule = a.rule();
        int t = a.t();
        if ((rule.symmetric() || rule.mutual()) && sources.size() >= 2) {
            emitAmong(sources, date, code, rule, loc, outcome);
        } else if (rule.noTarget() || a.passive() && RoleAssignment.stateAct(code) && roles.location() != null
                && sources.size() == 1 && sources.get(0) == roles.location().refs().get(0)
                || !rule.imported() && !rule.fromSource() && !a.passive() && !a.nominal() // no receiver, no event
                && !(t > 0 && words[t - 1].equals("to"))
                && (rule.wordCount() > 1 && !rule.fallback() && !rule.objectNext() && !code.startsWith("04") && verbal(t)
                || !neg && CodeAdjustments.forceOrNoSense(code) && verbWithObject(words, a.end()) // not "his delegates"
                || !neg && CodeAdjustments.actsOnPeople(code) && verbal(t)
                && UnknownNames.startsAt(roles.mentions(), a.end()))) {
            // a verb whose object is no actor still acts: "shelled the enclave", "rejected the request", and so
            // does one whose pattern names its object ("freed 200 political prisoners"); not an infinitive,
            // which often completes a noun ("a threat to boycott the ceremony")
            for (ActorRef x : sources) {
                note(outcome, emit(date, x, null, code, rule, loc));
            }
        } else if (confirmable(a) && vote.confirms(code)) {
            // no actor as object, but a model of the whole sentence reads it as this kind of act
            for (ActorRef x : sources) {
                note(outcome, emit(date, x, null, code, rule, loc));
            }
            if (outcome != null) {
                outcome.append(" (one-sided: ").append(LearnedOpinion.describe(vote.p())).append(')');
            }
        } else {
            int root = Integer.parseInt(code.substring(0, 2));
            if (root >= 14) {
                st.hostile.addAll(sources); // still an act a speaker can be reporting
            }
            if (outcome != null) {
                double[] p = confirmable(a) ? vote.p() : null;
                outcome.append("matched but found no target actor").append(p == null ? ""
                        : " (one-sided not confirmed: " + LearnedOpinion.describe(p) + ")");
            }
        }
    }

    private static final Set<String> OBJECT_TAGS = Set.of("DET", "NUM", "NOUN", "PROPN", "PRON", "ADJ");

    /**
     * A verb acting on an object that is no actor ("clashed with rioters" is not: its party is missing; "seized the
     * town" is): the only one-sided event the learned opinion may confirm. Not a nominal ("the first such attack")
     * and not a participle after its noun ("ten soldiers killed in Ukraine"), whose actor is the victim.
     */
    private boolean confirmable(Trigger a) {
        if (a.passive() || a.nominal() || a.rule().blocking() || !syntax.isVerb(a.t())) {
            return false;
        }
        return a.rule().wordCount() > 1 || a.end() < n && OBJECT_TAGS.contains(syntax.tag(a.end()));
    }

    /** Tagged as a verb or auxiliary (the tagger calls some past tenses AUX: "Myanmar freed 200 prisoners"). */
    private boolean verbal(int t) {
        return syntax.isVerb(t) || syntax.tag(t).equals("AUX");
    }

    /** Every ordered pair of the sources (emit skips an actor with itself). */
    private void emitAmong(List<ActorRef> sources, LocalDate date, String code, Rule rule, String loc,
                           StringBuilder outcome) {
        for (ActorRef x : sources) {
            for (ActorRef y : sources) {
                // each acts on the others; on itself (targetless) only when no other party is known
                if (x != y || sources.stream().noneMatch(o -> o != x && known(o))) {
                    note(outcome, emit(date, x, y, code, rule, loc));
                }
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
            boolean byThePlace = roles.location() != null && Objects.equals(e.source().text(), roles.location().text());
            if (root >= 14 && !e.rule().equals(REPORTED_RULE.id()) && !byThePlace) { // not "arrested in Kabul"
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

    /**
     * Whether two actors of one country are two parties, as CAMEO codes domestic events: one is a party of its own
     * (opposition, rebels, civilians, ...), or both name their roles and the roles differ (police -> opposition,
     * the legislature -> the government). A country and a body of it ("Iran ... Iran's government") are one side.
     */
    private static boolean domestic(ActorRef a, ActorRef b) {
        return a.role() != null && SAME_COUNTRY_ROLES.contains(a.role())
                || b.role() != null && SAME_COUNTRY_ROLES.contains(b.role())
                || a.role() != null && b.role() != null && !a.role().equals(b.role());
    }

    /** Adds the event a -> b (b may be null) unless it is none; returns what happened, for explanations. */
    private static boolean known(ActorRef r) {
        return !UnknownNames.ROLE.equals(r.role()) && !EventCoder.UNKNOWN.equals(r.code());
    }

    private String emit(LocalDate date, ActorRef a, ActorRef b, String code, Rule rule, String loc) {
        if (UnknownNames.ROLE.equals(a.role()) || b != null && UnknownNames.ROLE.equals(b.role())) {
            return "no event: " + (UnknownNames.ROLE.equals(a.role()) ? a : b).text() + " is in no dictionary";
        }
        if (EventCoder.UNKNOWN.equals(a.code()) && (b == null || EventCoder.UNKNOWN.equals(b.code()))) {
            return "no event: neither side is known";
        }
        boolean itself = b != null && (a == b || a.code().equals(b.code()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.role(), b.role()));
        // imported verbal patterns were written for international news: between two actors of one country they
        // mostly match in another sense ("Navalny was flying to Moscow", "sent a letter to Biden"); force is force
        boolean verbal = code.compareTo("06") < 0 || code.startsWith("1") && code.compareTo("14") < 0;
        boolean sameSide = b != null && a.code().equals(b.code()) && (!domestic(a, b) || rule.imported() && verbal);
        if ((itself || sameSide) && rule.noTarget()) {
            // an act that needs no target ("declared a state of emergency to fight what the government called
            // terror") has found its own side later in the clause: the act stands, the target does not
            return emit(date, a, null, code, rule, loc);
        }
        if (itself) {
            return null; // an actor with itself: "talks between the US and the Taliban" has no Taliban>Taliban
        }
        if (sameSide) {
            return "no event " + a.code() + ">" + b.code() + " (same actor on both sides)";
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

    /** "Assad said Turkey must mediate": what a named speaker says another actor must do is a demand on it. */
    private void reportDemand() {
        Mention reporter = roles.reportingSpeaker();
        if (reporter == null || reporter.anonymousCivilians()) {
            return;
        }
        LocalDate date = DateResolver.resolve(s.toks(), 0, articleDate);
        String loc = roles.location() == null ? null : roles.location().text();
        for (Mention y : roles.mentions()) {
            boolean obliged = y.end() < words.length && (words[y.end()].equals("must")
                    || words[y.end()].equals("should") && y.end() + 1 < words.length && !words[y.end() + 1].equals("have"));
            if (!obliged || y == reporter || y.place() || y.anaphor() || y.anti()) {
                continue;
            }
            for (ActorRef sp : reporter.refs()) {
                for (ActorRef a : y.refs()) {
                    String what = EventCoder.UNKNOWN.equals(a.code()) ? null : emit(date, sp, a, "100", MUST_RULE, loc);
                    if (obs.recording() && what != null) {
                        obs.ruleTried(MUST_RULE, reporter.text(), "says " + a.code() + " must act: " + what);
                    }
                }
            }
        }
    }

    private static void note(StringBuilder sb, String what) {
        if (sb != null && what != null) {
            sb.append(sb.length() == 0 ? "" : ", ").append(what);
        }
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
