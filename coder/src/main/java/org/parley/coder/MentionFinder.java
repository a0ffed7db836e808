package org.parley.coder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parley.common.Actor.ActorType;

/**
 * Finds the actors of a sentence: the longest dictionary phrase at each word, adjacent pieces grouped into one
 * actor ("Russian Foreign Minister Sergei Lavrov"), anaphors resolved against the {@link ArticleMemory}.
 */
final class MentionFinder {
    private static final Set<String> PLACE_PREPS = Set.of("in", "at", "near", "inside", "across", "throughout",
            "outside", "around");
    private static final Set<String> CONNECTORS = Set.of("'s", "of", "the", "to");
    private static final Set<String> COPULA_AFTER_IT = Set.of("is", "was", "'s", "seems", "appears", "remains",
            "will", "would", "could", "cannot", "can", "has", "had", "might", "must", "should", "may");
    private static final Set<String> NOT_A_SEAT_AFTER = Set.of("state", "post", "times", "consensus", "journal",
            "institute", "university", "airport", "metro");
    private static final Set<String> ROLE_IN_COUNTRY = Set.of("GOV", "JUD", "COP", "LEG");

    /** One dictionary phrase found at words [start, end). */
    private record Item(int start, int end, Lexicon.Phrase phrase, boolean anti) {
    }

    private final Lexicon lex;
    private final NameMatcher names;

    MentionFinder(Lexicon lex) {
        this.lex = lex;
        this.names = new NameMatcher(lex);
    }

    /** The actor mentions of a sentence; demonyms that only modify a noun go to {@code modifiers} instead. */
    List<Mention> find(List<Token> toks, String[] words, LocalDate date, ArticleMemory d, List<Mention> modifiers) {
        return localise(group(items(toks, words, date, d), toks, words, d, modifiers), words);
    }

    private List<Item> items(List<Token> toks, String[] words, LocalDate date, ArticleMemory d) {
        List<Item> items = new ArrayList<>();
        int n = toks.size();
        int i = 0;
        while (i < n) {
            Item best = longestAt(toks, words, i, date);
            if (best == null) {
                String w = words[i];
                // "anti-Russian sanctions" target Russia; "pro-Russia rebels" are not Russia: "pro-" gives no actor
                String rest = w.startsWith("anti-") ? w.substring(5) : null;
                if (rest != null) {
                    for (Lexicon.Phrase p : lex.phrasesByFirstWord.getOrDefault(rest, List.of())) {
                        if (p.words().length == 1 && (p.kind() == Lexicon.Kind.COUNTRY
                                || p.kind() == Lexicon.Kind.DEMONYM || p.kind() == Lexicon.Kind.ORG
                                || p.kind() == Lexicon.Kind.ORG_ADJ)) {
                            best = new Item(i, i + 1, p, w.startsWith("anti-"));
                            break;
                        }
                    }
                }
            }
            if (best == null) {
                best = personAgain(toks, words, i, date, d);
            }
            if (best != null) {
                items.add(best);
                i = best.end();
            } else {
                i++;
            }
        }
        return items;
    }

    /** Groups adjacent items: "Russian Foreign Minister Sergei Lavrov", "Deputy assistant to the US Secretary of State". */
    private List<Mention> group(List<Item> items, List<Token> toks, String[] words, ArticleMemory d,
                                List<Mention> modifiers) {
        int n = toks.size();
        List<Mention> out = new ArrayList<>();
        int k = 0;
        while (k < items.size()) {
            Item first = items.get(k);
            List<Item> group = new ArrayList<>();
            group.add(first);
            int end = first.end();
            int j = k + 1;
            if (localInstitution(first, items, k + 1, words)) {
                group.add(items.get(k + 1)); // "Sao Paulo state government", "Kandahar police": the city's country
                end = items.get(k + 1).end();
                j = k + 2;
            } else if (!isLoner(first)) {
                while (j < items.size()) {
                    Item next = items.get(j);
                    if (isLoner(next) || !(joinable(words, end, next.start()) || roleIn(group, words, end, next))
                            || !compatible(group, next)) {
                        break;
                    }
                    group.add(next);
                    end = next.end();
                    j++;
                }
            }
            // unknown capitalised names after a title: "Deputy Secretary of Energy Jeffrey Kupfer"
            Item last = group.get(group.size() - 1);
            if (last.phrase().kind() == Lexicon.Kind.ROLE || last.phrase().kind() == Lexicon.Kind.INSTITUTION) {
                while (end < n && (toks.get(end).isCapitalised() && toks.get(end).isWord()
                        || words[end].equals("of") && end + 1 < n && toks.get(end + 1).isCapitalised())
                        && (j >= items.size() || items.get(j).start() > end) && end - last.end() < 5
                        && !Clauses.BOUNDARIES.contains(words[end])) {
                    end++; // "Secretary of Energy Jeffrey Kupfer"
                }
            }
            Mention m = toMention(group, end, toks, words, d, out, modifiers);
            if (m != null) {
                out.add(m);
                introduce(m, group, end, toks, words, d);
            }
            k = j;
        }
        return out;
    }

    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "on", "in", "and", "the", "i", "a");

    /** A capitalised word right after a place name that no dictionary knows: the place names something else. */
    private static boolean partOfAName(List<Token> toks, int end) {
        return end < toks.size() && toks.get(end).isCapitalised() && toks.get(end).isWord()
                && !CALENDAR.contains(toks.get(end).lower()) && toks.get(end).lower().length() > 2;
    }

    /** "arrests in Georgia, Texas and Ohio": the items of a list of places are places too. */
    private static boolean listedAfterPlace(List<Mention> earlier, int start, String before) {
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
    private Item personAgain(List<Token> toks, String[] words, int i, LocalDate date, ArticleMemory d) {
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
    private List<Mention> localise(List<Mention> ms, String[] words) {
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
        return null;
    }

    private static final Set<String> LOCAL = Set.of("state", "city", "provincial", "regional", "local",
            "municipal", "district", "county", "province");

    /** A city followed by an institution of government: "Kabul police", "the Sao Paulo state government". */
    private static boolean localInstitution(Item place, List<Item> items, int next, String[] words) {
        if (place.phrase().kind() != Lexicon.Kind.PLACE || next >= items.size()) {
            return false;
        }
        Item inst = items.get(next);
        Lexicon.Kind k = inst.phrase().kind();
        boolean adjacent = inst.start() == place.end()
                || inst.start() == place.end() + 1 && LOCAL.contains(words[place.end()]);
        return adjacent && (k == Lexicon.Kind.ROLE || k == Lexicon.Kind.INSTITUTION)
                && (inst.phrase().code() == null || EventCoder.UNKNOWN.equals(inst.phrase().code()))
                && ("GOV".equals(inst.phrase().role()) || "COP".equals(inst.phrase().role()));
    }

    private static boolean isLoner(Item it) {
        return it.anti() || it.phrase().kind() == Lexicon.Kind.ANAPHOR || it.phrase().kind() == Lexicon.Kind.PLACE;
    }

    /** "a court in Guyana", "authorities in Kenya": a civilian institution in a country is that country's. */
    private static boolean roleIn(List<Item> group, String[] words, int end, Item next) {
        Lexicon.Phrase last = group.get(group.size() - 1).phrase();
        Lexicon.Kind k = next.phrase().kind();
        return next.start() == end + 1 && words[end].equals("in") && last.kind() == Lexicon.Kind.ROLE
                && last.code() == null && ROLE_IN_COUNTRY.contains(last.role())
                && (k == Lexicon.Kind.COUNTRY || k == Lexicon.Kind.SEAT);
    }

    /** Words that qualify a title between a country and the title: "US Deputy Secretary", "Russian acting envoy". */
    private static final Set<String> TITLE_QUALIFIERS = Set.of("deputy", "vice", "assistant", "acting", "former",
            "senior", "chief", "top", "first", "under", "associate", "special", "interim", "outgoing", "incoming",
            "principal", "executive", "permanent", "new");

    private static boolean joinable(String[] words, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!CONNECTORS.contains(words[i]) && !TITLE_QUALIFIERS.contains(words[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean compatible(List<Item> group, Item next) {
        String code = null;
        for (Item g : group) {
            if (g.phrase().code() != null && !g.phrase().code().equals(EventCoder.UNKNOWN)) {
                code = g.phrase().code();
            }
        }
        String c = next.phrase().code();
        return code == null || c == null || c.equals(EventCoder.UNKNOWN) || code.equals(c);
    }

    private Item longestAt(List<Token> toks, String[] words, int i, LocalDate date) {
        List<Lexicon.Phrase> cands = lex.phrasesByFirstWord.get(words[i]);
        if (cands == null) {
            return null;
        }
        Lexicon.Phrase best = null;
        for (Lexicon.Phrase p : cands) {
            int len = p.words().length;
            if (i + len > words.length || (best != null && len < best.words().length)) {
                continue;
            }
            boolean ok = true;
            for (int k = 0; k < len && ok; k++) {
                ok = p.caseSensitive() ? p.exact()[k].equals(toks.get(i + k).text())
                        : p.words()[k].equals(words[i + k]);
            }
            if (!ok) {
                continue;
            }
            boolean needsCapital = p.kind() != Lexicon.Kind.ROLE && p.kind() != Lexicon.Kind.INSTITUTION
                    && p.kind() != Lexicon.Kind.ANAPHOR && !p.words()[0].equals("the");
            if (needsCapital && !toks.get(i).isCapitalised()) {
                continue;
            }
            if (p.kind() == Lexicon.Kind.GROUP && !capitalisedLike(p, toks, i)) {
                continue; // "a strict Islamic state" is no "Islamic State"
            }
            if (p.kind() == Lexicon.Kind.PERSON && !p.validOn(date) && best != null
                    && best.kind() == Lexicon.Kind.PERSON && best.words().length == len) {
                continue;
            }
            if (best == null || len > best.words().length || preferred(p, best, date)) {
                best = p;
            }
        }
        return best == null ? null : new Item(i, i + best.words().length, best, false);
    }

    private static boolean capitalisedLike(Lexicon.Phrase p, List<Token> toks, int i) {
        for (int k = 0; k < p.words().length; k++) {
            String w = p.exact()[k];
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !toks.get(i + k).isCapitalised()) {
                return false;
            }
        }
        return true;
    }

    private static boolean preferred(Lexicon.Phrase p, Lexicon.Phrase best, LocalDate date) {
        if (p.words().length != best.words().length) {
            return false;
        }
        if (p.kind() == Lexicon.Kind.PERSON && best.kind() == Lexicon.Kind.PERSON) {
            return p.validOn(date) && !best.validOn(date);
        }
        return rank(p.kind()) < rank(best.kind());
    }

    private static int rank(Lexicon.Kind k) {
        return switch (k) {
            case PERSON, GROUP -> 0;
            case COUNTRY, ORG -> 1;
            case INSTITUTION -> 2;
            case SEAT -> 3;
            case DEMONYM, ORG_ADJ -> 4;
            default -> 5;
        };
    }

    /**
     * Remembers an actor named with a title and a country for the rest of the article: by the title
     * ("the prime minister") and, where a name follows the title ("... Minister Jeffrey Kupfer"), by surname.
     */
    private static void introduce(Mention m, List<Item> group, int end, List<Token> toks, String[] words,
                                  ArticleMemory d) {
        ActorRef r = m.refs().get(0);
        if (m.place() || m.anti() || m.anaphor() || r.code() == null || EventCoder.UNKNOWN.equals(r.code())) {
            return;
        }
        String title = null;
        for (Item it : group) {
            Lexicon.Kind k = it.phrase().kind();
            if ((k == Lexicon.Kind.ROLE || k == Lexicon.Kind.INSTITUTION) && it.phrase().code() == null) {
                title = String.join(" ", it.phrase().words());
            }
        }
        int lastItem = group.get(group.size() - 1).end();
        boolean named = end > lastItem && toks.get(end - 1).isCapitalised();
        if (title == null && !named) {
            return;
        }
        ActorRef who = named ? new ActorRef(r.code(), r.type(), r.role(), sentenceSlice(toks, lastItem, end), null, true)
                : r;
        d.introduce(named ? words[end - 1] : null, title, who);
    }

    /** What a group of adjacent dictionary phrases says about the one actor they name. */
    private static final class Parts {
        String code;
        String role;
        String person;
        String groupName;
        boolean hasRole;
        boolean contextInstitution;
        boolean onlyAdjectives = true;

        void add(Lexicon.Phrase p) {
            switch (p.kind()) {
                case GROUP -> {
                    if (code == null || code.equals(EventCoder.UNKNOWN)) {
                        code = p.code();
                    }
                    if (person == null) {
                        role = p.role();
                        groupName = p.name();
                    }
                    onlyAdjectives = false;
                }
                case PERSON -> {
                    person = p.name();
                    role = p.role();
                    if (code == null) {
                        code = p.code();
                    }
                    onlyAdjectives = false;
                }
                case ROLE, INSTITUTION -> {
                    if (person == null) {
                        role = p.role();
                    }
                    hasRole = true;
                    if (p.code() != null && (code == null || code.equals(EventCoder.UNKNOWN))) {
                        code = p.code();
                    }
                    if (p.kind() == Lexicon.Kind.INSTITUTION && p.code() == null) {
                        contextInstitution = true;
                    }
                }
                case SEAT -> {
                    if (code == null) {
                        code = p.code();
                    }
                    if (role == null) {
                        role = "GOV";
                    }
                    onlyAdjectives = false;
                }
                default -> {
                    if (code == null || code.equals(EventCoder.UNKNOWN)) {
                        code = p.code();
                    }
                    if (p.kind() != Lexicon.Kind.DEMONYM && p.kind() != Lexicon.Kind.ORG_ADJ) {
                        onlyAdjectives = false;
                    }
                }
            }
        }
    }

    private Mention toMention(List<Item> group, int end, List<Token> toks, String[] words, ArticleMemory d,
                              List<Mention> earlier, List<Mention> modifiers) {
        Item first = group.get(0);
        int start = first.start();
        String text = toks.get(start).text();
        if (end > start + 1) {
            text = sentenceSlice(toks, start, end);
        }
        String before = start > 0 ? words[start - 1] : "";
        String after = end < words.length ? words[end] : "";
        Lexicon.Kind k0 = first.phrase().kind();
        if (k0 == Lexicon.Kind.ANAPHOR) {
            return anaphor(first, end, words, after, text, d, earlier);
        }
        if (k0 == Lexicon.Kind.PLACE && group.size() == 1) {
            String code = first.phrase().code();
            return new Mention(start, end, List.of(ref(code, null, null).withText(text)), true, false, false, text);
        }
        Parts parts = new Parts();
        for (Item it : group) {
            parts.add(it.phrase());
        }
        String code = parts.code;
        if (code == null) {
            ActorRef titled = group.size() == 1 ? d.byTitle(String.join(" ", first.phrase().words())) : null;
            if (titled != null) {
                // "the prime minister": the one the article introduced with that title
                return new Mention(start, end, List.of(titled.withText(text)), false, false, false, text);
            }
            if (!parts.contextInstitution) {
                return null; // a title alone ("the minister"), never introduced, says nothing about whose
            }
            ActorRef st = stateInContext(d, earlier);
            if (st == null) {
                return null;
            }
            code = st.code();
        }
        if (first.anti()) {
            return new Mention(start, end, List.of(ref(code, null, null).withText(text)), false, true, false, text);
        }
        if (parts.onlyAdjectives && !parts.hasRole && onlyModifies(group, toks, words, start, end, after)) {
            modifiers.add(new Mention(start, end, List.of(ref(code, null, null).withText(text)), false, false,
                    false, text));
            return null;
        }
        boolean place = false;
        if (group.size() == 1 && (k0 == Lexicon.Kind.SEAT || k0 == Lexicon.Kind.COUNTRY || k0 == Lexicon.Kind.ORG)) {
            if (k0 == Lexicon.Kind.SEAT && (NOT_A_SEAT_AFTER.contains(after) || partOfAName(toks, end))) {
                return null; // "the Washington Post", "the Paris Agreement", "Moscow State University"
            }
            place = PLACE_PREPS.contains(before) && !after.equals("'s") || listedAfterPlace(earlier, start, before);
        }
        String role = parts.role;
        if (parts.person != null && role == null) {
            role = "GOV";
        }
        if (code.equals(EventCoder.UNKNOWN) || parts.groupName != null) {
            ActorType type = ActorType.GROUP;
            String name = parts.groupName != null ? parts.groupName : "unknown " + (role == null ? "actor" : role);
            return new Mention(start, end, List.of(new ActorRef(code, type, role, name, text, false)), false, false,
                    false, text);
        }
        return new Mention(start, end, List.of(ref(code, role, parts.person).withText(text)), place, false, false,
                text);
    }

    private Mention anaphor(Item first, int end, String[] words, String after, String text, ArticleMemory d,
                            List<Mention> earlier) {
        int start = first.start();
        if (words[start].equals("it") && COPULA_AFTER_IT.contains(after)) {
            return null;
        }
        String cls = first.phrase().role();
        Mention speaker = end - start == 1 ? reportingSpeaker(start, words, earlier) : null;
        if (speaker != null && !cls.equals("POSS")) {
            // "the rebels said they will release ...": the pronoun after a verb of saying is its speaker
            List<ActorRef> refs = new ArrayList<>();
            for (ActorRef r : speaker.refs()) {
                refs.add(r.withText(text));
            }
            return new Mention(start, end, refs, false, false, true, text);
        }
        List<ActorRef> refs = d.resolve(cls.equals("POSS") ? "ONE" : cls, end - start == 1, earlier);
        if (refs.isEmpty()) {
            return null;
        }
        List<ActorRef> named = new ArrayList<>();
        for (ActorRef r : refs) {
            named.add(r.withText(text));
        }
        return new Mention(start, end, named, false, cls.equals("POSS"), true, text);
    }

    private static final Set<String> SAYING = Set.of("said", "says", "say", "announced", "announces", "stated",
            "states", "added", "warned", "warns", "claimed", "claims", "insisted", "insists", "confirmed", "confirms",
            "declared", "declares", "vowed", "vows", "pledged", "pledges", "promised", "promises", "threatened",
            "threatens", "indicated", "signalled", "signaled", "hinted", "agreed", "decided", "reported", "told");

    /**
     * The subject of a verb of saying right before a pronoun ("X said (that) they ...", "X told reporters it
     * would ..."): the first actor of the sentence before that verb, when it is not governed by a preposition.
     */
    private static Mention reportingSpeaker(int start, String[] words, List<Mention> earlier) {
        int v = start - 1;
        if (v >= 0 && words[v].equals("that")) {
            v--;
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

    private static final Set<String> OBJECT_PREPS_BEFORE_SUBJECT = Set.of("of", "for", "with", "to", "against",
            "on", "from", "by", "about", "in", "at", "than");

    /** An institution whose country comes from context ("the ministry"): the last state named. */
    private static ActorRef stateInContext(ArticleMemory d, List<Mention> earlier) {
        ActorRef st = d.lastState();
        for (int i = earlier.size() - 1; i >= 0 && st == null; i--) {
            ActorRef r = earlier.get(i).refs().get(0);
            if (r.type() == ActorType.STATE && !earlier.get(i).place()) {
                st = r;
            }
        }
        return st;
    }

    /** "Russian proverb" is no actor, only a modifier; "Russians", "the Americans", "Russian and Chinese" are. */
    private boolean onlyModifies(List<Item> group, List<Token> toks, String[] words, int start, int end,
                                 String after) {
        String w = toks.get(start).text();
        boolean plural = group.size() == 1 && w.endsWith("s") && group.get(0).phrase().kind() == Lexicon.Kind.DEMONYM;
        boolean alsoName = false;
        for (Lexicon.Phrase p : lex.phrasesByFirstWord.getOrDefault(words[start], List.of())) {
            if (p.kind() == Lexicon.Kind.COUNTRY || p.kind() == Lexicon.Kind.ORG) {
                alsoName = true;
            }
        }
        boolean coordinated = (after.equals("and") || after.equals(",")) && end + 1 < words.length
                && isAdjective(words[end + 1]);
        return !plural && !alsoName && !coordinated;
    }

    private boolean isAdjective(String w) {
        for (Lexicon.Phrase p : lex.phrasesByFirstWord.getOrDefault(w, List.of())) {
            if (p.kind() == Lexicon.Kind.DEMONYM || p.kind() == Lexicon.Kind.ORG_ADJ) {
                return true;
            }
        }
        return false;
    }

    private static String sentenceSlice(List<Token> toks, int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (i > start && toks.get(i).start() > toks.get(i - 1).end()) {
                sb.append(' ');
            }
            sb.append(toks.get(i).text());
        }
        return sb.toString();
    }

    private ActorRef ref(String code, String role, String person) {
        ActorType type = lex.typeOfCode.getOrDefault(code, ActorType.STATE);
        String name = person != null ? person : lex.nameOfCode.getOrDefault(code, code);
        return new ActorRef(code, type, role, name, null, person != null);
    }
}
