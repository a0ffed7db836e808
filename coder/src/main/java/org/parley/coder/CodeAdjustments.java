package org.parley.coder;

import java.util.List;
import java.util.Set;
import org.parley.common.Actor.ActorType;

/**
 * Adjusts a match's code to its clause: an intent or a refusal by the infinitive's frame, words rather than force
 * against a decision or a statement.
 */
final class CodeAdjustments {
    private final Sentence s;
    private final Syntax syntax;
    private final CodingObserver obs;
    private final String[] words;
    private final int n;

    CodeAdjustments(Sentence s, Syntax syntax, CodingObserver obs) {
        this.s = s;
        this.syntax = syntax;
        this.obs = obs;
        this.words = s.words();
        this.n = s.n();
    }

    /** The code of the match [t, end) as its clause frames it; null when it is skipped (told to the observer). */
    String adjust(Rule rule, String code, boolean neg, int t, int end, String matched) {
        if (!rule.imported() && !neg) {
            // Parley's own rules: "agreed to extradite" is an intent
            code = infinitiveCode(rule, code, t);
            if (code == null) {
                obs.ruleTried(rule, matched, "skipped: a refused hostile act");
                return null;
            }
            // "he can and may declare a national emergency": a possible act with no intent code is no event
            if (rule.intentCode() == null && Modality.frame(s, syntax, t) == Modality.Frame.SPECULATION) {
                obs.ruleTried(rule, matched, "skipped: only possible (a modal verb and no intent code)");
                return null;
            }
        }
        if (code.startsWith("19") && verbalTarget(syntax, words, t, end)) {
            code = "111"; // "Erdogan attacked the proclamation": words, not force
        }
        if (rule.imported()) {
            code = framedCode(code, t);
            if (code == null) {
                obs.ruleTried(rule, matched, "skipped: only possible, or a refused hostile act (" + Modality.frame(s,
                        syntax, t) + ")");
                return null;
            }
        }
        return code;
    }

    /**
     * Force (roots 15-20), whose future ("will attack") CAMEO codes as a threat. Not cooperation: "will meet", "will
     * send aid" in wire copy usually report an arranged act, and the dev sets code them so (petr2 0.713 -> 0.667).
     */
    private static boolean force(String code) {
        int root = Integer.parseInt(code.substring(0, 2));
        return root >= 15 && root <= 20;
    }

    /** A code of Parley's own rules as an infinitive frames it: "agreed to extradite" is an intent; null if refused. */
    private String infinitiveCode(Rule rule, String code, int t) {
        Modality.Frame f = Modality.infinitiveFrame(s, syntax, t);
        if (f == null && force(code) && Modality.frame(s, syntax, t) == Modality.Frame.INTENT) {
            f = Modality.Frame.INTENT; // "they will attack Iraq"
        }
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

    /**
     * The code as who acts decides it: fighting by protesters is a violent protest (145), not war; a state's
     * bombing is by its air force (195), where CAMEO's 183 is the bombing of militants and criminals; a
     * government's protest is a formal complaint (114); its forces blocking roads restrict movement (191) and
     * demolishing homes destroy property (1712).
     */
    static String bySource(String code, List<Mention> src, String trigger) {
        if (code == null || src.isEmpty()) {
            return code;
        }
        boolean protesters = src.stream().allMatch(m -> "OPP".equals(m.refs().get(0).role()));
        boolean state = src.stream().map(m -> m.refs().get(0)).allMatch(r -> r.type() == ActorType.STATE
                && (r.role() == null || r.role().equals("GOV") || r.role().equals("MIL")));
        // "bombed", not "a car bombing"
        boolean bombed = trigger.equals("bombed") || trigger.equals("bomb") || trigger.equals("bombs");
        boolean government = src.stream().allMatch(m -> "GOV".equals(m.refs().get(0).role()));
        if ("141".equals(code) && government) {
            // "the ministry protested against the comments": a government complains, it does not march; a rally
            // it holds is a campaign event, no protest
            return trigger.startsWith("protest") ? "114" : null;
        }
        boolean authority = src.stream().map(m -> m.refs().get(0)).allMatch(r -> r.type() == ActorType.STATE
                && r.role() != null && Set.of("GOV", "MIL", "COP").contains(r.role()));
        if (authority && ("144".equals(code) || "145".equals(code))) {
            return "144".equals(code) ? "191" : "1712"; // forces closing roads or demolishing homes do not protest
        }
        return "190".equals(code) && protesters ? "145" : "183".equals(code) && state && bombed ? "195" : code;
    }

    /** What one can attack only with words: decisions, plans, statements. */
    private static final Set<String> VERBAL_OBJECTS = Set.of("decision", "decisions",
            "proclamation", "plan", "plans", "policy", "policies", "proposal", "proposals", "law", "laws", "bill",
            "move", "remarks", "statement", "statements", "report", "subpoena", "ruling", "idea", "approach",
            "stance", "comments", "deal", "agreement", "resolution", "claim", "claims", "rhetoric", "record",
            "media", "press", "critics", "opponents", "election", "verdict", "announcement", "handling", "response",
            "investigation", "inquiry", "probe", "impeachment", "vote", "sanctions", "accusations", "allegations");

    /** The verb's object, right after it past determiners and adjectives, is something only words can attack. */
    static boolean verbalTarget(Syntax syntax, String[] words, int t, int end) {
        if (!syntax.isVerb(t)) {
            return false;
        }
        for (int i = end; i < Math.min(words.length, end + 4); i++) {
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

    /**
     * Whether a verb of Parley's own rules acts without an actor as its object: force does ("shelled the enclave"),
     * but "released a statement" or "asks about many laws" are no releasing or asking of anyone.
     */
    static boolean forceOrNoSense(String code) {
        // an accusation of no one is a claim ("claimed 190 were dead"), not an act against anybody
        return code.compareTo("14") >= 0 || code.startsWith("12") || code.startsWith("11") && !code.startsWith("112");
    }

    /**
     * An imported pattern whose source is unnamed people, or whose verb alone has only unnamed people as its object,
     * mostly matches in another sense; assault and mass violence (18, 20) against people are those acts whoever
     * suffers them ("fighters raped women", "soldiers executed villagers").
     */
    static boolean unnamedPeopleOnly(Rule rule, List<Mention> src, List<Mention> tgt) {
        boolean violence = rule.code().startsWith("18") || rule.code().startsWith("20");
        return rule.imported() && (!src.isEmpty() && src.stream().allMatch(Mention::anonymousCivilians)
                || rule.verbAlone() && !violence && !tgt.isEmpty() && tgt.stream().allMatch(Mention::anonymousCivilians));
    }

    /** Roots whose object is typically a person: release (08), expel, arrest, assault, fight (16-20). */
    static boolean actsOnPeople(String code) {
        int root = Integer.parseInt(code.substring(0, 2));
        return root == 8 || root >= 16;
    }
}
