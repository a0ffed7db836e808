package org.parley.coder;

import java.util.List;
import java.util.Set;

/**
 * Whose an action noun is: the possessive before it ("Israel's airstrike"), or the country adjective right before
 * it ("a Kenyan air strike", "Turkish shelling"), whoever the clause's subject is; whom it is done to ("Besigye's
 * arrest"); and the words of a noun phrase that decide it (a state's ground, a band or team, measure adjectives).
 */
final class NominalOwner {
    /** Ground a state owns: "the Sudanese border", "Japanese waters" are that state's. */
    static final Set<String> STATE_GROUND = Set.of("border", "borders", "frontier", "territory", "waters",
            "airspace", "soil", "coast", "coastline");

    /** People and things a country adjective describes without making them the state's: "the British band". */
    private static final Set<String> NOT_THE_STATE = Set.of("band", "bands", "orchestra", "choir", "singer",
            "rapper", "actor", "actress", "artist", "artists", "film", "films", "movie", "novelist", "writer",
            "athlete", "athletes", "team", "squad", "club", "player", "players", "footballer", "cyclist", "runner",
            "company", "companies", "firm", "firms", "brand", "startup", "carmaker", "tourist", "tourists",
            "scientists", "researchers", "fans", "flag", "flags");

    private NominalOwner() {
    }

    /** A word between a country adjective and the act names someone not acting for the state. */
    static boolean notTheStates(String[] words, int from, int to) {
        for (int i = from; i < to && i < words.length; i++) {
            if (NOT_THE_STATE.contains(words[i])) {
                return true;
            }
        }
        return false;
    }

    /** The actor whose possessive governs the action noun at {@code t}, past a few adjectives. */
    static Mention possessor(Syntax syntax, String[] words, List<Mention> mentions, int t) {
        int at = t - 1;
        while (at > 0 && at > t - 3 && syntax.tag(at).equals("ADJ")) {
            at--; // "Macron's recent trip", "Israel's latest deadly raid"
        }
        if (at < 1 || !words[at].equals("'s")) {
            return null;
        }
        for (Mention m : mentions) {
            if (m.end() == at && !m.place() && !m.anaphor()) {
                return m;
            }
        }
        return null;
    }

    /** The country adjective ending right before the action noun at {@code t}: "a Kenyan air strike". */
    static Mention modifierBefore(List<Mention> modifiers, List<Mention> mentions, int t) {
        for (List<Mention> ms : List.of(modifiers, mentions)) {
            for (Mention m : ms) {
                if (m.end() == t && !m.place() && !m.anaphor()) {
                    return m; // "a Saudi air strike": "Saudi" is also a name, so an actor, not only a modifier
                }
            }
        }
        return null;
    }

    /** "was killed in a Kenyan air strike": after "in" or "by", the act struck the clause's subject. */
    static boolean struckTheSubject(String[] words, Mention owner) {
        int k = owner.start() - 1;
        if (k >= 0 && (words[k].equals("a") || words[k].equals("an") || words[k].equals("the"))) {
            k--;
        }
        return k >= 0 && (words[k].equals("in") || words[k].equals("by"));
    }

    /** "killed in a Kenyan air strike", "wounded by Turkish shelling": the noun, a few words after "in" or "by". */
    static boolean afterInOrBy(String[] words, int t) {
        for (int k = t - 1; k >= Math.max(0, t - 3); k--) {
            if (words[k].equals("in") || words[k].equals("by")) {
                return k < t - 1; // something (an article, a country adjective) between
            }
        }
        return false;
    }

    /**
     * A person named as the possessor of what is done to people ("Khashoggi's killing", "Navalny's arrest",
     * "Assange's release") is the one it is done to; a state's or group's possessive names the doer, and so
     * does anyone's before "of" ("Museveni's arrest of Besigye").
     */
    static Mention victim(Syntax syntax, String[] words, List<Mention> mentions, Trigger a) {
        if (!doneToPeople(a.rule()) || a.end() < words.length && words[a.end()].equals("of")) {
            return null;
        }
        Mention owner = possessor(syntax, words, mentions, a.t());
        return owner != null && (UnknownNames.is(owner) || owner.refs().stream().allMatch(ActorRef::person))
                ? owner : null;
    }

    /** Arrest, expulsion, violence, sentences, release of people: "the arrest of X" is done to X. */
    static boolean doneToPeople(Rule rule) {
        String code = rule.code();
        return code.startsWith("173") || code.startsWith("174") || code.startsWith("18") || code.startsWith("116")
                || code.equals("0841");
    }

    /**
     * The "by" author of the noun a reaction is about: "attacked the proclamation of the Golan Heights as Israeli
     * territory by Trump" answers Trump; only before another verb (an infinitive aside: "the plan to annex the coast
     * by Turkey") and within a dozen words.
     */
    static List<Mention> authorOfTheObject(Syntax syntax, String[] words, ClauseRoles roles, int end, int segEnd) {
        if (end + 1 >= segEnd || !(words[end].equals("the") || words[end].equals("a")) || !syntax.isNoun(end + 1)) {
            return List.of();
        }
        for (int i = end + 2; i < Math.min(segEnd - 1, end + 12); i++) {
            if (syntax.isVerb(i) && !words[i - 1].equals("to")) {
                return List.of();
            }
            if (words[i].equals("by")) {
                return roles.coordinatedFrom(i + 1, segEnd, false);
            }
        }
        return List.of();
    }

    /** Only determiners, numbers and measure adjectives between: "imposed new sanctions on". */
    static boolean determinersOrAdjectives(String[] words, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!OBJECT_DETERMINERS.contains(words[i]) && !MEASURE_ADJECTIVES.contains(words[i])) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> MEASURE_ADJECTIVES = Set.of("new", "latest", "recent", "fresh", "additional",
            "further", "tough", "tougher", "harsh", "sweeping", "unilateral", "illegal", "controversial", "proposed",
            "planned", "so-called", "alleged", "current", "previous", "unprecedented", "punitive");

    private static final Set<String> OBJECT_DETERMINERS = Set.of("the", "a", "an", "several", "two", "three",
            "many", "some", "dozens", "of", "against", "on", "to", "at", "all", "four", "five", "hundreds");
}
