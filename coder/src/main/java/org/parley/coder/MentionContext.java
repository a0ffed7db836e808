package org.parley.coder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parley.coder.MentionFinder.Item;
import org.parley.common.Actor.ActorType;

/**
 * Actors found again or placed through context: persons named again by surname, titles and surnames remembered
 * for the article, crowds and police placed by the place they are in, a pronoun after a verb of saying.
 */
final class MentionContext {
    private final Lexicon lex;
    private final NameMatcher names;

    MentionContext(Lexicon lex) {
        this.lex = lex;
        this.names = new NameMatcher(lex);
    }

    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "on", "in", "and", "the", "i", "a");

    /** A capitalised word right after a place name that no dictionary knows: the place names something else. */
    static boolean partOfAName(List<Token> toks, int end) {
        return end < toks.size() && toks.get(end).isCapitalised() && toks.get(end).isWord()
                && !CALENDAR.contains(toks.get(end).lower()) && toks.get(end).lower().length() > 2;
    }

    /** Capitalised nouns that, after a country's name, make the pair the name of a war, treaty, paper or event. */
    private static final Set<String> NAME_HEADS = Set.of("war", "wars", "agreement", "accord", "accords", "treaty",
            "convention", "protocol", "declaration", "conference", "summit", "cup", "games", "olympics",
            "championship", "airways", "airlines", "herald", "times", "post", "tribune", "gazette", "daily",
            "university", "airport", "museum", "stock", "exchange", "veterans", "memorial");

    static boolean namesAnEvent(List<Token> toks, int end) {
        return end < toks.size() && toks.get(end).isCapitalised() && NAME_HEADS.contains(toks.get(end).lower());
    }

    /** "arrests in Georgia, Texas and Ohio": the items of a list of places are places too. */
    static boolean listedAfterPlace(List<Mention> earlier, int start, String before) {
        if (earlier.isEmpty() || !(before.equals(",") || before.equals("and") || before.equals("or"))) {
            return false;
        }
        Mention prev = earlier.get(earlier.size() - 1);
        return prev.place() && start - prev.end() <= 2;
    }

    private static final Set<String> HONORIFICS = Set.of("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.");

    /**
     * A person named again: by the surname the article introduced ("Kupfer", "Mr Kupfer"), or by a surname the
     * dictionaries know under another spelling ("Callas" for Kallas).
     */
    Item personAgain(List<Token> toks, String[] words, int i, LocalDate date, ArticleMemory d) {
        int at = HONORIFICS.contains(words[i]) && i + 1 < words.length ? i + 1 : i;
        if (!toks.get(at).isCapitalised()) {
            return null;
        }
        ActorRef known = d.bySurname(words[at]);
        if (known != null) {
            Lexicon.Phrase p = new Lexicon.Phrase(new String[] {words[at]}, new String[] {toks.get(at).text()}, false,
                    Lexicon.Kind.PERSON, known.code(), known.type(), known.role(), known.name(), null, null);
            return new Item(i, at + 1, p, false);
        }
        Lexicon.Phrase fuzzy = names.find(toks.get(at).text(), date);
        return fuzzy == null ? null : new Item(i, at + 1, fuzzy, false);
    }

    /**
     * Crowds, police and civilians of no stated country take the country of the place they are in: "police in
     * Kiev", "protesters in Hong Kong".
     */
    List<Mention> localise(List<Mention> ms, String[] words) {
        List<Mention> out = new ArrayList<>(ms.size());
        for (Mention m : ms) {
            ActorRef r = m.refs().get(0);
            Mention where = null;
            if (EventCoder.UNKNOWN.equals(r.code()) && LOCAL_ROLES.contains(r.role()) && !m.anaphor()) {
                where = placeAfter(ms, m, words);
            }
            if (where == null || EventCoder.UNKNOWN.equals(where.refs().get(0).code())) {
                out.add(m);
                continue;
            }
            String code = where.refs().get(0).code();
            ActorRef local = new ActorRef(code, lex.typeOfCode.getOrDefault(code, ActorType.STATE), r.role(),
                    lex.nameOfCode.getOrDefault(code, code), r.text(), false);
            out.add(new Mention(m.start(), m.end(), List.of(local), false, false, false, m.text()));
        }
        return out;
    }

    private static final Set<String> LOCAL_ROLES = Set.of("CVL", "COP", "OPP");

    private static Mention placeAfter(List<Mention> ms, Mention m, String[] words) {
        if (m.end() + 1 >= words.length || !(words[m.end()].equals("in") || words[m.end()].equals("at"))) {
            return null;
        }
        for (Mention p : ms) {
            if (p.place() && (p.start() == m.end() + 1 || p.start() == m.end() + 2 && words[m.end() + 1].equals("the"))) {
                return p;
            }
        }
        // "workers at the Cerro Verde mine in Peru": the place that ends the phrase, a few words on
        for (Mention p : ms) {
            if (p.place() && p.start() >= m.end() + 2 && p.start() <= m.end() + 7
                    && (words[p.start() - 1].equals("in") || words[p.start() - 2].equals("in"))
                    && !java.util.Arrays.asList(words).subList(m.end(), p.start()).contains(",")) {
                return p;
            }
        }
        return null;
    }

    /**
     * Remembers an actor named with a title and a country for the rest of the article: by the title
     * ("the prime minister") and, where a name follows the title ("... Minister Jeffrey Kupfer"), by surname.
     */
    static void introduce(Mention m, List<Item> group, int end, List<Token> toks, String[] words,
                          ArticleMemory d) {
        ActorRef r = m.refs().get(0);
        if (m.place() || m.anti() || m.anaphor() || r.code() == null || EventCoder.UNKNOWN.equals(r.code())) {
            return;
        }
        String title = null;
        String known = null; // a person the dictionaries know: "Radoslaw Sikorski" is later "Sikorski"
        for (Item it : group) {
            Lexicon.Kind k = it.phrase().kind();
            if ((k == Lexicon.Kind.ROLE || k == Lexicon.Kind.INSTITUTION) && it.phrase().code() == null) {
                title = String.join(" ", it.phrase().words());
            }
            String[] ws = it.phrase().words();
            if (k == Lexicon.Kind.PERSON && ws.length > 1 && toks.get(it.end() - 1).isCapitalised()) {
                known = ws[ws.length - 1];
            }
        }
        int lastItem = group.get(group.size() - 1).end();
        boolean named = end > lastItem && toks.get(end - 1).isCapitalised();
        if (!named && known != null) {
            d.introduce(known, title, r);
            return;
        }
        if (title == null && !named) {
            return;
        }
        ActorRef who = named ? new ActorRef(r.code(), r.type(), r.role(),
                MentionFinder.sentenceSlice(toks, lastItem, end), null, true) : r;
        d.introduce(named ? words[end - 1] : null, title, who);
    }

    private static final Set<String> SAYING = Set.of("said", "says", "say", "announced", "announces", "stated",
            "states", "added", "warned", "warns", "claimed", "claims", "insisted", "insists", "confirmed", "confirms",
            "declared", "declares", "vowed", "vows", "pledged", "pledges", "promised", "promises", "threatened",
            "threatens", "indicated", "signalled", "signaled", "hinted", "agreed", "decided", "reported", "told");

    /** Words of an adverbial between a verb of saying and its clause: "said on Friday", "said in a statement". */
    private static final Set<String> WHEN_OR_WHERE_SAID = Set.of("on", "in", "at", "late", "early", "last", "this",
            "a", "an", "its", "their", "statement", "interview", "twitter", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "today", "yesterday", "morning", "evening", "night", "week",
            "weekend", "earlier", "later", "also", "again", "separately");

    /**
     * The subject of a verb of saying right before a pronoun ("X said (that) they ...", "X told reporters it
     * would ..."): the first actor of the sentence before that verb, when it is not governed by a preposition.
     */
    static Mention reportingSpeaker(int start, String[] words, List<Mention> earlier) {
        int v = start - 1;
        if (v >= 0 && words[v].equals("that")) {
            v--;
        }
        for (int k = v; k >= Math.max(0, v - 5) && WHEN_OR_WHERE_SAID.contains(words[k]); k--) {
            if (k > 0 && SAYING.contains(words[k - 1])) {
                v = k - 1; // "Russia said on Friday it had expelled": the time of saying between
                break;
            }
        }
        if (v < 0 || !SAYING.contains(words[v]) && !(v > 0 && SAYING.contains(words[v - 1]))) {
            return null;
        }
        for (Mention m : earlier) {
            if (m.start() < v && !m.place() && !m.anti()
                    && (m.start() == 0 || !OBJECT_PREPS_BEFORE_SUBJECT.contains(words[m.start() - 1]))) {
                return m;
            }
        }
        return null;
    }

    /** The speaker and those coordinated with it ("Obama and Putin said they ..."): what a plural pronoun means. */
    static List<Mention> withCoordinated(Mention speaker, String[] words, List<Mention> earlier) {
        List<Mention> all = new ArrayList<>(List.of(speaker));
        Mention last = speaker;
        for (Mention m : earlier) {
            if (m.start() == last.end() + 1 && (words[last.end()].equals("and") || words[last.end()].equals(","))
                    && !m.place() && !m.anti()) {
                all.add(m);
                last = m;
            }
        }
        return all;
    }

    private static final Set<String> OBJECT_PREPS_BEFORE_SUBJECT = Set.of("of", "for", "with", "to", "against",
            "on", "from", "by", "about", "in", "at", "than");

    /**
     * An institution whose country comes from context ("the ministry"): the last state named, else a state of
     * this sentence, else the place this sentence is in ("protesters in Tehran rallied against the government").
     */
    static ActorRef stateInContext(ArticleMemory d, List<Mention> earlier) {
        ActorRef st = d.lastState();
        for (int pass = 0; pass < 2 && st == null; pass++) {
            for (int i = earlier.size() - 1; i >= 0 && st == null; i--) {
                ActorRef r = earlier.get(i).refs().get(0);
                if (r.type() == ActorType.STATE && earlier.get(i).place() == (pass == 1)
                        && !EventCoder.UNKNOWN.equals(r.code())) {
                    st = r;
                }
            }
        }
        return st;
    }
}
