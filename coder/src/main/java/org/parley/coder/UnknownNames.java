package org.parley.coder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names no dictionary knows ("The Washington Post", "Julian Assange", "Action Against Hunger"): runs of capitalised
 * words outside every found actor. They become actors of unknown code, role {@link #ROLE}, so that they take their
 * place as a clause's subject ("Assange criticised the US" is no act of an actor named earlier), and no event is
 * made with one as its source: a code no dictionary gives is no stance. They are never targets: such a name is
 * as often a place, a firm or an event ("Cyclone Nargis") as an actor.
 */
final class UnknownNames {
    static final String ROLE = "UNK";

    /** Capitalised words that are no name: sentence openers, calendar words, pronouns. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "this", "that", "these", "those", "it",
            "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "in", "on", "at", "after",
            "before", "but", "and", "or", "if", "when", "while", "as", "however", "meanwhile", "also", "earlier",
            "later", "last", "next", "both", "several", "some", "many", "other", "another", "there", "here", "since",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "mr", "mrs", "ms", "dr", "for", "with", "from", "to", "by", "of", "according", "despite", "during",
            "under", "over", "about", "without", "among", "between", "all", "no", "not", "one", "two", "three", "what",
            "who", "which", "where", "why", "how", "once", "then", "now", "so", "yet", "still", "even", "only", "just");
    /** Lower-case words allowed inside a name: "Action Against Hunger", "Office of Science and Technology". */
    private static final Set<String> INNER = Set.of("of", "for", "and", "the", "de", "al", "al-", "bin", "von", "van");

    private UnknownNames() {
    }

    /**
     * "will release Odin Sanchez": a name no dictionary knows starts at {@code at}, so an act on people there acted
     * on someone (for words, "claimed Democrats pushed", such a name is too often the start of what was said).
     */
    static boolean startsAt(List<Mention> mentions, int at) {
        for (Mention m : mentions) {
            if (is(m) && m.start() == at) {
                return true;
            }
        }
        return false;
    }

    /** A mention this class added. */
    static boolean is(Mention m) {
        return ROLE.equals(m.refs().get(0).role());
    }

    /** The mentions with the unknown names added, in sentence order. */
    static List<Mention> add(List<Token> toks, String[] words, List<Mention> found, List<Mention> known,
                             java.util.function.Predicate<String> dictionaryWord) {
        int n = toks.size();
        if (titleCase(toks)) {
            return found; // a headline in title case: every word is capitalised
        }
        boolean[] taken = new boolean[n];
        for (Mention m : known) {
            for (int i = Math.max(0, m.start() - 1); i < Math.min(n, m.end() + 1); i++) {
                taken[i] = true; // a name touching a found actor is part of it ("KRG President Barzani")
            }
        }
        List<Mention> out = new ArrayList<>(found);
        int i = 0;
        while (i < n) {
            int end = nameEnd(toks, words, taken, i);
            if (end == i + 1 && dictionaryWord.test(words[i])) {
                end = i; // "Secretary", "Democratic": a word the dictionaries use, capitalised
            }
            if (end > i) {
                ActorRef r = new ActorRef(EventCoder.UNKNOWN, null, ROLE, null,
                        MentionFinder.sentenceSlice(toks, i, end), false);
                out.add(new Mention(i, end, List.of(r), false, false, false, r.text()));
                i = end;
            } else {
                i++;
            }
        }
        out.sort((a, b) -> a.start() - b.start());
        return out;
    }

    /** The end of a name starting at {@code i}, or {@code i} when none starts there. */
    private static int nameEnd(List<Token> toks, String[] words, boolean[] taken, int i) {
        if (!nameWord(toks, words, taken, i)) {
            return i;
        }
        int end = i + 1;
        while (end < toks.size()) {
            if (nameWord(toks, words, taken, end)) {
                end++;
            } else if (INNER.contains(words[end]) && nameWord(toks, words, taken, end + 1)) {
                end += 2;
            } else {
                break;
            }
        }
        // a single capitalised word opening the sentence is as often a common word ("Critics", "Officials")
        return end == i + 1 && firstWord(toks, i) ? i : end;
    }

    private static boolean firstWord(List<Token> toks, int i) {
        for (int k = 0; k < i; k++) {
            if (toks.get(k).isWord()) {
                return false;
            }
        }
        return true;
    }

    private static boolean nameWord(List<Token> toks, String[] words, boolean[] taken, int i) {
        return i < toks.size() && !taken[i] && toks.get(i).isCapitalised() && toks.get(i).isWord()
                && !NOT_NAMES.contains(words[i]) && words[i].length() > 1 && !compound(words[i]);
    }

    /** "Saudi-led", "COVID-19", "US-Iran": compounds and codes are modifiers or things, not names of actors. */
    private static boolean compound(String w) {
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (c == '-' || Character.isDigit(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean titleCase(List<Token> toks) {
        int words = 0;
        int caps = 0;
        for (Token t : toks) {
            if (t.isWord() && t.text().length() > 3) {
                words++;
                caps += t.isCapitalised() ? 1 : 0;
            }
        }
        return words >= 6 && caps * 10 > words * 7;
    }
}
