package org.parley.coder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Chooses who acts on whom for a match of {@link EventAssembler}: the subject, agent, "from" actor, possessor or
 * modifier as source; the object, "that" clause subject or a shared earlier object as target.
 */
final class RoleAssignment {
    private static final Set<String> SUBJECT_OPENERS = Set.of("the", "a", "an", "eastern-based", "western-based",
            "then", "new", "former", "top", "senior", "local", "state-run", "state");

    /** Who acts on whom; {@code between}: the parties of "talks between X and Y". */
    record Roles(List<Mention> src, List<Mention> tgt, boolean between) {
    }

    private final Syntax syntax;
    private final String[] words;
    private final int[] seg;
    private final int n;
    private final ClauseRoles roles;
    private final List<Mention> modifiers;
    private final CodingObserver obs;
    private final SentenceState st;

    RoleAssignment(Sentence s, Syntax syntax, ClauseRoles roles, List<Mention> modifiers, CodingObserver obs,
                   SentenceState st) {
        this.syntax = syntax;
        this.words = s.words();
        this.seg = s.seg();
        this.n = s.n();
        this.roles = roles;
        this.modifiers = modifiers;
        this.obs = obs;
        this.st = st;
    }

    /** Null when the match is skipped (an action noun that is an earlier action's object). */
    Roles sourceAndTarget(Trigger a) {
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
        if (src.isEmpty() && (a.passive() || a.end() < n && words[a.end()].equals("by"))) {
            src = roles.byAgent(a.end() - 1, a.segEnd()); // "was given aid by X", "welcomed the visit by X"
        }
        List<Mention> tgt = before.isEmpty() && a.segStart() > 0 && Clauses.RELATIVE.contains(words[a.segStart() - 1])
                ? roles.relativeHead(a.segStart() - 1) : before;
        if (tgt.isEmpty()) { // "the Turkish offensive drew criticism from Sweden": the offensive's owner is criticised
            tgt = modifiers.stream().filter(m -> m.start() >= a.segStart() && m.end() < a.t()).limit(1).toList();
        }
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
            } else if (stateAct(a.rule().code()) && roles.location() != null && !tgt.contains(roles.location())) {
                src = List.of(roles.location()); // "a journalist was arrested in Niger": by the state of the place
            } else {
                // an agentless passive ("sanctions could be lifted") is the speaker's, unless it is violence the
                // speaker reports ("twenty people have been confirmed killed")
                Mention speaker = roles.speaker();
                boolean violence = Integer.parseInt(a.rule().code().substring(0, 2)) >= 18;
                src = speaker == null || tgt.contains(speaker) || speaker.anonymousCivilians() || violence
                        ? List.of() : List.of(speaker);
            }
        }
        return new Roles(src, tgt, false);
    }

    /** Acts only a state does: confiscation, bans, arrest, deportation (171-174) and sentences (116). */
    static boolean stateAct(String code) {
        return code.compareTo("171") >= 0 && code.compareTo("175") < 0 && !code.equals("1712") || code.startsWith("116");
    }

    private Roles activeRoles(Trigger a, List<Mention> before) {
        Rule rule = a.rule();
        int t = a.t();
        Mention victim = NominalOwner.victim(syntax, words, roles.mentions(), a);
        List<Mention> src = activeSource(a, before, victim);
        if (src == null) {
            return null;
        }
        boolean between = false;
        List<Mention> tgt = roles.targets(rule, t, a.end(), a.segEnd(), src);
        if (rule.objectNext() && !tgt.isEmpty() && tgt.get(0).start() - a.end() > 1) {
            tgt = List.of(); // "wants Putin to ...": only an actor right after the verb is its object
        }
        if (tgt.isEmpty() && syntax.thatFollows(a.end()) && demandsOf(rule.code())) {
            tgt = roles.clauseSubject(a.end()); // "Brazil demanded that Paraguay withdraw": the demand is on Paraguay
        }
        if (rule.topicObject() && !tgt.isEmpty() && !words[tgt.get(0).start() - 1].equals("with")) {
            tgt = List.of(); // "met to discuss Libya's relations": what is discussed is no party to it
        }
        tgt = tgt.isEmpty() ? modifierTarget(a) : reactionToAnActOf(a, tgt);
        if (victim != null && (tgt.isEmpty() || tgt.get(0).start() > t)) {
            tgt = List.of(victim); // "ordered Khashoggi's killing": the one killed, not the killer
        }
        if (tgt.isEmpty() && a.nominal() && src.size() == 1 && src.get(0).end() == t
                && NominalOwner.struckTheSubject(words, src.get(0))) {
            tgt = before; // "a commander was killed in a Kenyan air strike": the strike hit the commander
        }
        if (rule.clausal()) {
            List<Mention> object = tgt;
            tgt = roles.clauseSubject(a.end());
            if (!tgt.isEmpty() && tgt.get(0).anaphor()) {
                tgt = List.of(); // "X claimed that they ...": a claim about oneself accuses no one
            } else if (tgt.isEmpty() && !object.isEmpty() && object.get(0).start() <= a.end() + 1
                    && !object.get(0).anaphor() && !subjectOfAClause(object.get(0).end())) {
                tgt = object; // "charged Erdogan with terrorism": the verb's own object
            }
        }
        // not "killed in a Kenyan air strike", the means of the earlier act, not its object
        boolean nominalObject = a.nominal() && st.lastMatchSeg == seg[t] && st.lastMatchEnd <= t
                && !(NominalOwner.afterInOrBy(words, t) && NominalOwner.modifierBefore(modifiers, roles.mentions(), t) != null)
                && !words[t - 1].equals("'s") && !actorBetween(st.lastMatchEnd, t); // not "after Turkey began a ..."
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
        if (src.isEmpty() && rule.code().startsWith("14")) {
            src = crowd(a.segStart(), t); // "more than a million people marched across France": a crowd protests
        }
        return new Roles(src, tgt, between);
    }

    private List<Mention> crowd(int segStart, int t) {
        return roles.mentions().stream().filter(m -> m.start() >= segStart && m.end() <= t && m.anonymousCivilians())
                .limit(1).toList();
    }

    /** The source of an active trigger; null when the match is skipped. */
    private List<Mention> activeSource(Trigger a, List<Mention> before, Mention victim) {
        Rule rule = a.rule();
        int t = a.t();
        int segStart = a.segStart();
        List<Mention> src = before;
        if (src.isEmpty() && segStart > 0 && Clauses.RELATIVE.contains(words[segStart - 1])
                && !words[segStart - 1].equals("where")) {
            src = roles.relativeHead(segStart - 1); // not "Libya, where a war is under way": a place, no agent
        }
        if (src.isEmpty()) {
            src = sharedSubject(t); // "X ceased its operations but warned ...": coordinated verbs share X
        }
        if (participialAdjunct(t)) {
            if (!src.isEmpty() && src == before && t > 0 && syntax.isNoun(t - 1) && !endsMention(t)) {
                src = List.of(); // "with sanctions restricting the purchase": the noun is the participle's subject
            }
            if (src.isEmpty()) {
                obs.ruleTried(rule, a.matched(), "skipped: a participle whose subject is no actor");
                return null; // "a typhoon made landfall in the Philippines, killing 20"
            }
        }
        if (src.isEmpty() || src.stream().allMatch(UnknownNames::is)) {
            // "Mohammad Karimi, the Afghan defence spokesperson, criticized": the modifier says whose he is
            List<Mention> modifier = modifierSource(segStart, t);
            src = modifier.isEmpty() ? src : modifier;
        }
        // "X's visit to Y" / "the visit of X to Y": the noun's "of" actor acts
        if (a.nominal() && !rule.symmetric() && a.end() < n && words[a.end()].equals("of") && !NominalOwner.doneToPeople(rule)) {
            List<Mention> of = roles.coordinatedFrom(a.end() + 1, a.segEnd(), false);
            if (!of.isEmpty()) {
                src = of;
            }
        }
        Mention owner = victim != null ? null : NominalOwner.possessor(syntax, words, roles.mentions(), t);
        if (owner == null && a.nominal()) {
            owner = NominalOwner.modifierBefore(modifiers, roles.mentions(), t); // "killed in a Kenyan air strike"
        }
        if (owner != null && !rule.symmetric()) {
            src = List.of(owner); // "X resents Y's invasion of Z": the invasion is Y's, whoever resents it
        } else if (!src.isEmpty() && src == before && reasonFor(t)) {
            obs.ruleTried(rule, a.matched(), "skipped: an action noun given as a reason, not an act of the subject");
            return null; // "sanctioned Iran over alleged assassination plots" is no assassination by the sanctioner
        } else if (a.nominal() && !src.isEmpty() && src == before && spokenOf(src.get(src.size() - 1).end(), t)) {
            obs.ruleTried(rule, a.matched(), "skipped: an action noun its clause's subject only speaks of");
            return null; // "X called the strike justified" is no strike by X
        } else if (!src.isEmpty() && src == before && syntax.isNoun(t) && !ownedBySubject(src, t)) {
            obs.ruleTried(rule, a.matched(), "skipped: an action noun with no owner (no possessive, no \"by\" or "
                    + "\"of\" actor, not the object of a verb such as \"launched\" or \"held\")");
            return null; // "condemned anti-semitism after vandalism": the vandalism is no act of the condemner
        }
        return src;
    }

    /** "claimed 790 soldiers had been killed": the actor after the verb is the subject of what is claimed. */
    private boolean subjectOfAClause(int end) {
        return end < n && (syntax.isVerb(end) || syntax.tag(end).equals("AUX"));
    }

    /** The subject of the clause before "and"/"but" when the trigger's verb has none of its own. */
    private List<Mention> sharedSubject(int t) {
        if (!syntax.isVerb(t)) {
            return List.of();
        }
        int c = t - 1;
        while (c > 0 && (syntax.tag(c).equals("ADV") || syntax.tag(c).equals("AUX"))) {
            c--;
        }
        if (c <= 0 || !(words[c].equals("and") || words[c].equals("but"))) {
            return List.of();
        }
        return roles.subject(Clauses.clauseStart(seg, c - 1), c);
    }

    /** "..., killing four", "with sanctions restricting ...": a participle adjunct, acted by its clause's subject. */
    private boolean participialAdjunct(int t) {
        return t > 0 && words[t].endsWith("ing") && syntax.isVerb(t)
                && (words[t - 1].equals(",") || syntax.isNoun(t - 1) && !endsMention(t) && afterWith(t - 1));
    }

    /** "with sanctions restricting": the noun before {@code at} opens an absolute phrase after "with". */
    private boolean afterWith(int at) {
        for (int i = at - 1; i >= Math.max(0, at - 3); i--) {
            if (words[i].equals("with") || words[i].equals("without")) {
                return true;
            }
        }
        return false;
    }

    private boolean endsMention(int t) {
        for (Mention m : roles.mentions()) {
            if (m.end() == t) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> REASON_PREPS = Set.of("over", "about", "amid", "despite",
            "because", "regarding", "concerning", "following");

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

    /**
     * Verbs whose object noun names the subject's own act: "launched an offensive", "staged protests", "held
     * talks", "imposed sanctions", "expressed support". Stems, matched as word prefixes.
     */
    private static final List<String> SUPPORT_VERBS = List.of(
            "launch", "stage", "hold", "held", "carr", "conduct", "mount", "make", "made", "had", "has", "have",
            "having", "issu", "impos", "announc", "sign", "begin", "began", "begun", "start", "continu", "resum",
            "lead", "led", "organi", "join", "step", "intensif", "order", "deliver", "provid", "offer", "extend",
            "express", "voic", "lodg", "file", "level", "reach", "approv", "adopt", "pass", "gave", "giv", "send",
            "sent", "host", "attend", "undert", "perform", "execut", "declar", "wag", "unleash", "escalat", "renew",
            "complet", "conclud", "finaliz", "finalis", "seal", "strike", "struck", "mediat", "agree", "pledg",
            "promis", "vow", "threaten", "plan", "propos", "seek", "sought", "want", "call", "urg", "demand",
            "request", "back", "welcom", "support", "accept", "reject", "refus", "deni", "deny", "halt", "stop",
            "suspend", "end", "lift", "eas", "tighten", "expand", "increas", "boost", "deepen", "strengthen",
            "maintain", "keep", "kept", "deploy", "fire", "open", "close", "initiat", "establish", "set", "restor",
            "normali", "cut", "sever", "break", "broke", "grant", "allow", "facilitat", "contribut", "authori",
            "assum", "remain", "allocat", "pursu", "press");

    /**
     * An action noun belongs to the clause's subject only when it is in the subject's own phrase ("US airstrikes
     * killed") or the object of a verb that makes it the subject's act ("Russia launched an offensive"); otherwise
     * it is a topic or a circumstance ("protested after the attack", "suppress protests").
     */
    private boolean ownedBySubject(List<Mention> src, int t) {
        int from = src.get(src.size() - 1).end();
        int i = t - 1;
        while (i >= from && insideObjectPhrase(i)) {
            i--;
        }
        if (i < from) {
            return t - from <= 4; // "the US air strikes", "Israel's latest offensive"
        }
        if (syntax.tag(i).equals("ADP") && PARTICLES.contains(words[i]) && i > from) {
            i--; // "carried out attacks", "called for talks", "agreed to an expansion"
        }
        return (syntax.isVerb(i) || syntax.tag(i).equals("AUX")) && supportVerb(words[i]);
    }

    private static final Set<String> PARTICLES = Set.of("out", "up", "for", "to", "on", "in", "down");
    private static final Set<String> INNER_PREPS = Set.of("of", "than", "in");
    private static final Set<String> POSSESSIVES = Set.of("his", "her", "its", "their", "our", "my", "your");

    /** A word of the noun phrase before an action noun: determiners, modifiers, amounts, "of", "and". */
    private boolean insideObjectPhrase(int i) {
        if (words[i].equals("'s") || roles.mentions().stream().anyMatch(m -> m.start() <= i && i < m.end())) {
            return true; // "ordered Besigye's arrest", whatever the tags of the name and the "'s"
        }
        String tag = syntax.tag(i);
        switch (tag) {
            case "DET", "ADJ", "NUM", "NOUN", "PROPN", "ADV", "PART", "SYM", "CCONJ":
                return true;
            case "PUNCT":
                return words[i].equals("-"); // "near-daily attacks"
            case "PRON":
                return POSSESSIVES.contains(words[i]);
            case "ADP":
                // "dozens of air strikes", "$2 million in aid", not "protested after the attack"
                if (words[i].equals("with") && i > 0 && words[i - 1].equals("and")) {
                    return true; // "supported Kiev politically and with arms supplies"
                }
                return INNER_PREPS.contains(words[i]) && i > 0 && (syntax.tag(i - 1).equals("NUM")
                        || syntax.tag(i - 1).equals("NOUN") || syntax.tag(i - 1).equals("ADJ")
                        || words[i].equals("than"));
            case "VERB":
                // "apparently coordinated attacks": a participle describing the noun
                return i + 1 < words.length && i > 0 && !supportVerb(words[i])
                        && (syntax.tag(i + 1).equals("NOUN") || syntax.tag(i + 1).equals("ADJ"))
                        && (words[i].endsWith("ed") && Set.of("DET", "ADV", "ADJ", "NUM").contains(syntax.tag(i - 1))
                        || words[i].endsWith("ing") && Set.of("DET", "ADJ").contains(syntax.tag(i - 1)));
            default:
                return false;
        }
    }

    private static boolean supportVerb(String w) {
        for (String v : SUPPORT_VERBS) {
            if (w.startsWith(v)) {
                return true;
            }
        }
        return false;
    }

    /** Appeals, demands, disapproval, rejection and threats are addressed to whoever the "that" clause is about. */
    private static boolean demandsOf(String code) {
        String root = code.substring(0, 2);
        return root.equals("02") || root.equals("10") || root.equals("11") || root.equals("12") || root.equals("13");
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
     * "criticised the American sanctions on Venezuela", "praised the Japanese aid to Manila": words about another's
     * act answer whoever acted (the modifier before the act's noun), not the act's own target; so does force-rooted
     * "attacked the proclamation ... by Trump", which is words too (CodeAdjustments).
     */
    private List<Mention> reactionToAnActOf(Trigger a, List<Mention> tgt) {
        String root = a.rule().code().substring(0, 2);
        if (!Set.of("05", "10", "11", "12", "13").contains(root)
                && !(root.equals("19") && CodeAdjustments.verbalTarget(syntax, words, a.t(), a.end()))) {
            return tgt;
        }
        List<Mention> author = NominalOwner.authorOfTheObject(syntax, words, roles, a.end(), a.segEnd());
        if (!author.isEmpty()) {
            return author;
        }
        int first = tgt.get(0).start();
        for (Mention mod : modifiers) {
            int gap = mod.start() - a.end();
            if (gap >= 0 && gap <= 3 && mod.end() + 1 < first
                    && (gap == 0 || NominalOwner.determinersOrAdjectives(words, a.end(), mod.start()))
                    && syntax.isNoun(mod.end()) && ACT_PREPS.contains(words[mod.end() + 1])) {
                return List.of(mod);
            }
        }
        return tgt;
    }

    private static final Set<String> ACT_PREPS = Set.of("on", "against", "in", "to", "of", "into");

    /**
     * "shelled Ukrainian positions", "burned the Macedonian flag", "freed a Syrian Kurdish leader": an act on a
     * nationality's people or things is an act on its country. Not for roots 01-05, whose object is as often a topic
     * ("discussed Russian interference") as a party.
     */
    private List<Mention> modifierTarget(Trigger a) {
        String code = a.rule().code();
        if (code.compareTo("06") < 0 || a.rule().blocking()) {
            return List.of();
        }
        int maxGap = code.compareTo("15") >= 0 ? 2 : 3;
        for (Mention mod : modifiers) {
            if (mod.start() > a.t() && mod.end() <= a.end()) {
                return List.of(mod); // "burned the Macedonian flag" matched as one pattern
            }
            int gap = mod.start() - a.end();
            if (gap >= 0 && gap <= maxGap
                    && (gap == 0 || NominalOwner.determinersOrAdjectives(words, a.end(), mod.start()))) {
                return List.of(mod);
            }
            if (gap >= 0 && gap <= 6 && mod.end() < a.segEnd() && NominalOwner.STATE_GROUND.contains(words[mod.end()])) {
                return List.of(mod); // "withdrew its troops from the Sudanese border": the ground is Sudan's
            }
        }
        return List.of();
    }

    /**
     * An actor between the earlier action and this noun, followed by a verb that makes the noun its act, is a new
     * subject ("after Turkey began a military offensive"); "men sought in the slaying" is none.
     */
    private boolean actorBetween(int from, int to) {
        return roles.mentions().stream().anyMatch(m -> m.start() >= from && m.end() + 1 < to && !m.place()
                && SUPPORT_VERBS.stream().anyMatch(words[m.end()]::startsWith)
                && !syntax.tag(m.end() + 1).equals("ADP"));
    }

    /**
     * "Israeli shelling", "a Russian air strike": a nationality before an action noun acts;
     * "The Libyan National Army released ...": so does one opening the clause's subject phrase.
     */
    private List<Mention> modifierSource(int segStart, int t) {
        List<Mention> src = List.of();
        for (Mention mod : modifiers) {
            boolean beforeNoun = mod.end() <= t && t - mod.end() <= 2
                    && !Arrays.asList(words).subList(mod.end(), t).contains(","); // not "in Connecticut, US, killing"
            boolean opensSubject = mod.end() < t && t - mod.end() <= 4 && mod.start() - segStart <= 2
                    && Clauses.onlyWords(words, segStart, mod.start(), SUBJECT_OPENERS);
            boolean state = !NominalOwner.notTheStates(words, mod.end(), t); // not "the British band toured"
            if (mod.start() >= segStart && state && (beforeNoun || opensSubject
                    || mod.end() < t && roles.inAppositive(segStart, mod.start()))) {
                src = List.of(mod);
            }
        }
        return src;
    }
}
