package org.parley.coder;

import java.util.List;
import java.util.Set;

/**
 * Where a matched verb stands in its clause, from the part-of-speech tags: whether it states an act of the
 * clause's subject, or only describes a noun or completes another verb. PETRARCH's imported patterns were written
 * for the main verb of a clause; applied to every word that can be a verb they code "an agreement forced on
 * Qatar by Saudi Arabia" as Qatar forcing, and "trying to prevent the dialogue" as preventing.
 */
final class VerbRole {
    /** Words that may stand between a verb and its object or prepositional object. */
    private static final Set<String> OBJECT_GAP_TAGS = Set.of("DET", "ADJ", "ADP", "NUM", "PRON", "PART");
    private static final Set<String> VERBAL = Set.of("VERB", "AUX");

    private VerbRole() {
    }

    /** Null when the verb at {@code t} is a clause's own act; otherwise why it is not. */
    static String notAnAct(Sentence s, Syntax syn, int t) {
        if (!syn.isVerb(t)) {
            return "not a verb here (tagged " + syn.tag(t) + ")";
        }
        boolean verbBefore = verbBefore(s, syn, t);
        if (verbBefore && Modality.frame(s, syn, t) == Modality.Frame.OTHER) {
            return "an infinitive completing an earlier word of the clause";
        }
        if (t > 0 && syn.tag(t - 1).equals("NOUN") && t + 1 < s.n() && syn.tag(t + 1).equals("ADP")
                && (verbBefore || verbAfter(s, syn, t))) {
            return "a participle describing the noun before it";
        }
        if (s.words()[t].endsWith("ing") && previousVerb(s, syn, t)) {
            return "a gerund completing the verb before it";
        }
        return null;
    }

    /** Whether the first actor of {@code targets} is the verb's object: right after it, or after a preposition. */
    static boolean objectNear(Syntax syn, int end, List<Mention> targets, String code) {
        if (targets.isEmpty()) {
            return false;
        }
        int start = targets.get(0).start();
        // force against "Taliban positions" is force against the Taliban; "oversees Russian areas" is nothing
        boolean force = code.compareTo("15") >= 0;
        if (start < end || start - end > 3 || !force && modifiesNoun(syn, targets.get(0))) {
            return false;
        }
        for (int i = end; i < start; i++) {
            if (!OBJECT_GAP_TAGS.contains(syn.tag(i)) && !QUANTITIES.contains(syn.word(i))) {
                return false;
            }
        }
        return true;
    }

    /** Words after which a verb does not head the clause: an infinitive, a second verb of the same subject. */
    private static final Set<String> NOT_HEADS_AFTER = Set.of("to", "and", "or");

    /** Nouns of number before "of": "raped dozens of women", "detained hundreds of protesters". */
    private static final Set<String> QUANTITIES = Set.of("dozens", "hundreds", "thousands", "scores", "tens",
            "millions", "number", "group", "groups", "handful");

    /** "the Somali and Ethiopian portfolios": the actor only qualifies the noun that follows it. */
    private static boolean modifiesNoun(Syntax syn, Mention m) {
        int j = m.end();
        while (j < syn.size() && (syn.tag(j).equals("ADJ") || syn.tag(j).equals("CCONJ") || syn.tag(j).equals("PROPN"))) {
            j++;
        }
        return j > m.end() - 1 && j < syn.size() && syn.tag(j).equals("NOUN");
    }

    /** A verb or auxiliary earlier in the clause that is not part of this verb's own group ("has been"). */
    private static boolean verbBefore(Sentence s, Syntax syn, int t) {
        int i = t - 1;
        while (i >= 0 && s.seg()[i] == s.seg()[t] && (syn.tag(i).equals("AUX") || syn.tag(i).equals("ADV")
                || syn.tag(i).equals("PART"))) {
            i--; // the verb's own auxiliaries, adverbs and "not"
        }
        for (; i >= 0 && s.seg()[i] == s.seg()[t]; i--) {
            if (VERBAL.contains(syn.tag(i))) {
                return true;
            }
            if (s.words()[i].equals("and") || s.words()[i].equals("or")) {
                return false; // "X urged Y to act and then met Z": a second verb of the same subject
            }
        }
        return false;
    }

    /**
     * "issues related to Ukraine remain": the clause's own verb comes later. Only a verb that can head the clause
     * counts: not a participle ("rebels set off a bomb under a vehicle carrying police"), an infinitive or a second
     * verb of the same subject ("settlers rampaged through the town and burned homes").
     */
    private static boolean verbAfter(Sentence s, Syntax syn, int t) {
        String[] w = s.words();
        for (int i = t + 1; i < s.n() && s.seg()[i] == s.seg()[t]; i++) {
            if (syn.tag(i).equals("AUX") || syn.tag(i).equals("VERB") && !w[i].endsWith("ing")
                    && !NOT_HEADS_AFTER.contains(w[i - 1])) {
                return true;
            }
        }
        return false;
    }

    private static boolean previousVerb(Sentence s, Syntax syn, int t) {
        for (int i = t - 1; i >= Math.max(0, t - 3); i--) {
            String tag = syn.tag(i);
            if (tag.equals("VERB")) {
                return true;
            }
            if (!tag.equals("ADV") && !tag.equals("ADP") && !tag.equals("PART")) {
                return false;
            }
        }
        return false;
    }
}
