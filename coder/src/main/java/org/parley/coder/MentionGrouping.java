package org.parley.coder;

import java.util.List;
import java.util.Set;
import org.parley.coder.MentionFinder.Item;

/** Which adjacent dictionary phrases group into one actor: "Russian Foreign Minister Sergei Lavrov". */
final class MentionGrouping {
    private static final Set<String> CONNECTORS = Set.of("'s", "of", "the", "to");
    private static final Set<String> ROLE_IN_COUNTRY = Set.of("GOV", "JUD", "COP", "LEG", "OPP");
    /** A city's own institutions: "the Kabul police", "an Istanbul court", "the Paris prosecutor". */
    private static final Set<String> LOCAL_ROLES = Set.of("GOV", "COP", "JUD");

    private static final Set<String> LOCAL = Set.of("state", "city", "provincial", "regional", "local",
            "municipal", "district", "county", "province");

    /** A city followed by an institution of government: "Kabul police", "the Sao Paulo state government". */
    static boolean localInstitution(Item place, List<Item> items, int next, String[] words) {
        if (place.phrase().kind() != Lexicon.Kind.PLACE || next >= items.size()) {
            return false;
        }
        Item inst = items.get(next);
        Lexicon.Kind k = inst.phrase().kind();
        boolean adjacent = inst.start() == place.end()
                || inst.start() == place.end() + 1 && LOCAL.contains(words[place.end()]);
        return adjacent && (k == Lexicon.Kind.ROLE || k == Lexicon.Kind.INSTITUTION)
                && (inst.phrase().code() == null || EventCoder.UNKNOWN.equals(inst.phrase().code()))
                && LOCAL_ROLES.contains(inst.phrase().role());
    }

    static boolean isLoner(Item it) {
        return it.anti() || it.phrase().kind() == Lexicon.Kind.ANAPHOR || it.phrase().kind() == Lexicon.Kind.PLACE;
    }

    /**
     * "a court in Guyana", "authorities in Kenya", "protesters in Belgrade": a civilian institution or a crowd in a
     * country or one of its cities is that country's.
     */
    static boolean roleIn(List<Item> group, String[] words, int end, Item next) {
        Lexicon.Phrase last = group.get(group.size() - 1).phrase();
        Lexicon.Kind k = next.phrase().kind();
        // not "foreign ministers in Cairo": holders of one office from several states, gathered there
        return next.start() == end + 1 && words[end].equals("in") && last.kind() == Lexicon.Kind.ROLE
                && last.code() == null && ROLE_IN_COUNTRY.contains(last.role()) && !GATHERING.contains(words[end - 1])
                && (k == Lexicon.Kind.COUNTRY || k == Lexicon.Kind.SEAT || k == Lexicon.Kind.PLACE);
    }

    static final Set<String> GATHERING = Set.of("ministers", "leaders", "presidents", "premiers", "envoys",
            "ambassadors", "delegations", "chiefs");

    /** Words that qualify a title or force after a country: "US Deputy Secretary", "Russian acting envoy". */
    private static final Set<String> TITLE_QUALIFIERS = Set.of("deputy", "vice", "assistant", "acting", "former",
            "senior", "chief", "top", "first", "under", "associate", "special", "interim", "outgoing", "incoming",
            "principal", "executive", "permanent", "new", "national", "royal", "federal", "republican", "popular",
            "revolutionary"); // "Libyan National Army", "Royal Thai Police"

    static boolean joinable(String[] words, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (words[i].equals("for") && i == from && from > 0 && SERVES.contains(words[from - 1])) {
                continue; // "a spokesman for Britain's Foreign Office" speaks for it
            }
            if (!CONNECTORS.contains(words[i]) && !TITLE_QUALIFIERS.contains(words[i])) {
                return false;
            }
            // "adviser to the Russian president" is Russia's; "troops to Poland", "ambassador to Russia" are not
            if (words[i].equals("to") && (from == 0 || !SERVES.contains(words[from - 1]))) {
                return false;
            }
        }
        return true;
    }

    /** Titles whose holder serves the one named after "to". */
    private static final Set<String> SERVES = Set.of("adviser", "advisor", "advisers", "advisors", "aide", "aides",
            "assistant", "counsellor", "counselor", "spokesman", "spokeswoman", "spokesperson", "secretary");

    static boolean compatible(List<Item> group, Item next) {
        String code = null;
        for (Item g : group) {
            if (g.phrase().code() != null && !g.phrase().code().equals(EventCoder.UNKNOWN)) {
                code = g.phrase().code();
            }
        }
        String c = next.phrase().code();
        return code == null || c == null || c.equals(EventCoder.UNKNOWN) || code.equals(c);
    }

    private MentionGrouping() {
    }
}
