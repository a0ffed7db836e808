package org.parley.coder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.parley.common.Actor.ActorType;

/**
 * Finds the actors of a sentence: the longest dictionary phrase at each word, adjacent pieces grouped into one
 * actor ("Russian Foreign Minister Sergei Lavrov"), anaphors resolved against the {@link ArticleMemory}.
 */
final class MentionFinder {
    private static final Set<String> INDEFINITE = Set.of("a", "an", "another", "any", "every", "each");

    private static final Set<String> PLACE_PREPS = Set.of("in", "at", "near", "inside", "across", "throughout",
            "outside", "around");
    private static final Set<String> COMPASS = Set.of("northern", "southern", "eastern", "western", "central",
            "north", "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
            "north-eastern", "north-western", "south-eastern", "south-western", "downtown", "rural");
    private static final Set<String> EXPLETIVE_AFTER_IT = Set.of("is", "was", "'s", "seems", "appears", "remains");
    private static final Set<String> COPULA_AFTER_IT = Set.of("is", "was", "'s", "seems", "appears", "remains",
            "will", "would", "could", "cannot", "can", "has", "had", "might", "must", "should", "may");
    private static final Set<String> NOT_A_SEAT_AFTER = Set.of("state", "post", "times", "consensus", "journal",
            "institute", "university", "airport", "metro");

    /** One dictionary phrase found at words [start, end). */
    record Item(int start, int end, Lexicon.Phrase phrase, boolean anti) {
    }

    private final Lexicon lex;
    private final MentionContext context;

    MentionFinder(Lexicon lex) {
        this.lex = lex;
        this.context = new MentionContext(lex);
    }

    /** The actor mentions of a sentence; demonyms that only modify a noun go to {@code modifiers} instead. */
    List<Mention> find(List<Token> toks, String[] words, LocalDate date, ArticleMemory d, List<Mention> modifiers) {
        List<Mention> found = context.localise(group(items(toks, words, date, d), toks, words, d, modifiers), words);
        List<Mention> known = new ArrayList<>(found);
        known.addAll(modifiers);
        return UnknownNames.add(toks, words, found, known, w -> lex.phrasesByFirstWord.containsKey(w));
    }

    private List<Item> items(List<Token> toks, String[] words, LocalDate date, ArticleMemory d) {
        List<Item> items = new ArrayList<>();
        int n = toks.size();
        int i = 0;
        while (i < n) {
            Item best = longestAt(toks, words, i, date);
            if (best == null) {
                String w = words[i];
                // "anti-Russian sanctions" target Russia; "a Saudi-led coalition" is Saudi Arabia's; "pro-" gives none
                String rest = w.startsWith("anti-") ? w.substring(5) : w.endsWith("-led") ? w.substring(0, w.length() - 4) : null;
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
                best = context.personAgain(toks, words, i, date, d);
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
            if (MentionGrouping.localInstitution(first, items, k + 1, words)) {
                group.add(items.get(k + 1)); // "Sao Paulo state government", "Kandahar police": the city's country
                end = items.get(k + 1).end();
                j = k + 2;
            } else if (!MentionGrouping.isLoner(first)) {
                while (j < items.size()) {
                    Item next = items.get(j);
                    if (MentionGrouping.isLoner(next) || !(MentionGrouping.joinable(words, end, next.start())
                            || MentionGrouping.roleIn(group, words, end, next))
                            || !MentionGrouping.compatible(group, next)) {
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
                MentionContext.introduce(m, group, end, toks, words, d);
            }
            k = j;
        }
        return out;
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
            if (needsCapital && !toks.get(i).isCapitalised() || p.kind() == Lexicon.Kind.ANAPHOR
                    && ofAName(toks, words, i + len)) {
                continue; // "the president of Kosovo" names a title, it does not point back
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

    private static boolean ofAName(List<Token> toks, String[] words, int i) {
        int name = i + 1 < words.length && words[i + 1].equals("the") ? i + 2 : i + 1;
        return i < words.length && words[i].equals("of") && name < words.length && toks.get(name).isCapitalised();
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

    /** Heads that name a rank in whatever body precedes them, not a body of their own. */
    private static final Set<String> GENERIC_HEADS = Set.of("leader", "leaders", "chief", "chiefs", "head", "spokesman",
            "spokeswoman", "spokesperson", "official", "officials", "commander", "commanders", "representative",
            "representatives", "member", "members");

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
                    // a generic head keeps the role before it: a militia leader is a rebel, a police chief police
                    if (person == null && !(hasRole && role != null && GENERIC_HEADS.contains(p.words()[0]))) {
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
            ActorRef titled = group.size() == 1 && !indefinite(words, start)
                    ? d.byTitle(String.join(" ", first.phrase().words())) : null;
            if (titled != null) {
                // "the prime minister": the one the article introduced with that title
                return new Mention(start, end, List.of(titled.withText(text)), false, false, false, text);
            }
            if (!parts.contextInstitution || before.equals("foreign") || MentionGrouping.GATHERING.contains(words[end - 1])) {
                return null; // whose is unsaid: a title never introduced, "foreign forces", "ministers in Cairo"
            }
            String there = stateOfPlaceAfter(words, end);
            ActorRef owner = possessorBefore(start, earlier); // "their government": the possessor's
            ActorRef st = there != null ? null : owner != null ? owner : MentionContext.stateInContext(d, earlier);
            if (there == null && st == null) {
                return null;
            }
            code = there != null ? there : st.code();
        }
        if (first.anti()) {
            return new Mention(start, end, List.of(ref(code, null, null).withText(text)), false, true, false, text);
        }
        if (parts.onlyAdjectives && whereAnActorIs(words, start, after, earlier)) {
            return new Mention(start, end + 1, List.of(ref(code, null, null).withText(text)), true, false, false, text);
        }
        if (parts.onlyAdjectives && !parts.hasRole && onlyModifies(group, toks, words, start, end, after)) {
            modifiers.add(new Mention(start, end, List.of(ref(code, null, null).withText(text)), false, false,
                    false, text));
            return null;
        }
        boolean place = false;
        if (group.size() == 1 && (k0 == Lexicon.Kind.SEAT || k0 == Lexicon.Kind.COUNTRY || k0 == Lexicon.Kind.ORG)) {
            if (k0 == Lexicon.Kind.SEAT
                    && (NOT_A_SEAT_AFTER.contains(after) || MentionContext.partOfAName(toks, end))) {
                return null; // "the Washington Post", "the Paris Agreement", "Moscow State University"
            }
            if (k0 == Lexicon.Kind.COUNTRY && MentionContext.namesAnEvent(toks, end)) {
                return null; // "an Iraq War veteran", "the Korea Herald", "the Syria Accord"
            }
            // "in northern Syria": a compass word between the preposition and the place
            boolean compass = COMPASS.contains(before) && start > 1 && PLACE_PREPS.contains(words[start - 2])
                    && !toks.get(start - 1).isCapitalised(); // not "in South America"
            boolean inThe = before.equals("the") && start > 1 && PLACE_PREPS.contains(words[start - 2]); // "in the US"
            place = (PLACE_PREPS.contains(before) || compass || inThe && k0 == Lexicon.Kind.COUNTRY) && !after.equals("'s")
                    || MentionContext.listedAfterPlace(earlier, start, before)
                    || k0 == Lexicon.Kind.SEAT && INCIDENTS.contains(after); // "a Kabul car bombing": where, not who
        }
        // a person named with a title is an office holder; "Israelis rallied against the government" are its people
        String role = parts.role != null ? parts.role : parts.person != null ? "GOV"
                : group.size() == 1 && k0 == Lexicon.Kind.DEMONYM && text.endsWith("s") ? "CVL" : null;
        if (code.equals(EventCoder.UNKNOWN) || parts.groupName != null) {
            ActorType type = ActorType.GROUP;
            String name = parts.groupName != null ? parts.groupName : "unknown " + (role == null ? "actor" : role);
            return new Mention(start, end, List.of(new ActorRef(code, type, role, name, text, false)), false, false,
                    false, text);
        }
        return new Mention(start, end, List.of(ref(code, role, parts.person).withText(text)), place, false, false,
                text);
    }

    /** "the government in Kyiv", "the authorities in Beijing": the state of the country or seat right after. */
    private static final Set<String> PLACE_NOUNS = Set.of("capital", "city", "town", "village", "region", "province",
            "border", "coast", "port", "countryside", "north", "south", "east", "west", "side");

    /** "police in the Georgian capital": where an actor is, a place of that country. */
    private static boolean whereAnActorIs(String[] words, int start, String after, List<Mention> earlier) {
        return PLACE_NOUNS.contains(after) && start > 1 && words[start - 1].equals("the")
                && PLACE_PREPS.contains(words[start - 2]) && earlier.stream().anyMatch(m -> m.end() == start - 2);
    }

    private static ActorRef possessorBefore(int start, List<Mention> earlier) {
        for (Mention m : earlier) {
            if (m.end() == start && m.anti() && m.anaphor() && !EventCoder.UNKNOWN.equals(m.refs().get(0).code())) {
                return m.refs().get(0);
            }
        }
        return null;
    }

    private String stateOfPlaceAfter(String[] words, int end) {
        int at = end + 1 < words.length && words[end + 1].equals("the") ? end + 2 : end + 1;
        if (end >= words.length || !words[end].equals("in") || at >= words.length) {
            return null;
        }
        for (Lexicon.Phrase p : lex.phrasesByFirstWord.getOrDefault(words[at], List.of())) {
            boolean fits = at + p.words().length <= words.length
                    && Arrays.equals(p.words(), Arrays.copyOfRange(words, at, at + p.words().length));
            if (fits && (p.kind() == Lexicon.Kind.COUNTRY || p.kind() == Lexicon.Kind.SEAT) && p.code() != null
                    && !p.code().equals(EventCoder.UNKNOWN)) {
                return p.code();
            }
        }
        return null;
    }

    /** "said it was willing to": a predicate only an agent has, so "it" is no expletive ("it was important"). */
    private static boolean personalAfterBe(String[] words, int i) {
        int at = i < words.length && words[i].equals("not") ? i + 1 : i;
        return at < words.length && PERSONAL_PREDICATES.contains(words[at]);
    }

    private static final Set<String> PERSONAL_PREDICATES = Set.of("willing", "unwilling", "ready", "prepared",
            "committed", "determined", "eager", "keen", "reluctant", "planning", "considering", "seeking", "working",
            "trying", "going", "looking", "preparing", "intending", "aiming", "open", "opposed", "against");

    /** Nouns of an incident that a city's name before them locates: "the Kabul car bombing", "the Paris attacks". */
    private static final Set<String> INCIDENTS = Set.of("car", "truck", "suicide", "bombing", "bombings", "bomb",
            "blast", "blasts", "explosion", "explosions", "attack", "attacks", "shooting", "shootings", "massacre",
            "siege", "stabbing", "riots", "unrest");

    private static boolean plural(String text) {
        String last = text.substring(text.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        return last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us") && Character.isLowerCase(
                text.charAt(text.lastIndexOf(' ') + 1));
    }

    private Mention anaphor(Item first, int end, String[] words, String after, String text, ArticleMemory d,
                            List<Mention> earlier) {
        int start = first.start();
        boolean expletive = EXPLETIVE_AFTER_IT.contains(after) && !personalAfterBe(words, end + 1);
        Mention reporter = end - start == 1 && !expletive
                ? MentionContext.reportingSpeaker(start, words, earlier) : null;
        // "officials confirmed it has infected 200": a plural speaker is not "it"
        boolean reported = reporter != null && !(words[start].equals("it") && plural(reporter.text()));
        if (words[start].equals("it") && (COPULA_AFTER_IT.contains(after) && !reported || text.equals("IT"))) {
            return null; // "it is ...", and "an IT worker" is no pronoun; "the army says it has ..." is the army
        }
        String cls = first.phrase().role();
        Mention speaker = end - start == 1 ? MentionContext.reportingSpeaker(start, words, earlier) : null;
        if (speaker != null && !cls.equals("POSS")) {
            // "the rebels said they will release ...": the pronoun after a verb of saying is its speaker
            List<ActorRef> refs = new ArrayList<>();
            boolean plural = words[start].equals("they") || words[start].equals("we");
            for (Mention m : plural ? MentionContext.withCoordinated(speaker, words, earlier) : List.of(speaker)) {
                for (ActorRef r : m.refs()) {
                    refs.add(r.withText(text));
                }
            }
            return new Mention(start, end, refs, false, false, true, text);
        }
        boolean ofGroup = cls.equals("POSS") && !words[start].equals("his") && !words[start].equals("her");
        List<ActorRef> refs = ofGroup ? d.resolveOwner(earlier) : d.resolve(cls.equals("POSS") ? "ONE" : cls,
                end - start == 1, earlier);
        if (refs.isEmpty()) {
            return null;
        }
        List<ActorRef> named = new ArrayList<>();
        for (ActorRef r : refs) {
            named.add(r.withText(text));
        }
        return new Mention(start, end, named, false, cls.equals("POSS"), true, text);
    }

    /** "Russian proverb" is no actor, only a modifier; "Russians", "the Americans", "Russian and Chinese" are. */
    private boolean onlyModifies(List<Item> group, List<Token> toks, String[] words, int start, int end,
                                 String after) {
        String w = toks.get(start).text();
        boolean plural = group.size() == 1 && w.endsWith("s") && group.get(0).phrase().kind() == Lexicon.Kind.DEMONYM;
        boolean alsoName = false;
        for (Lexicon.Phrase p : lex.phrasesByFirstWord.getOrDefault(words[start], List.of())) {
            if ((p.kind() == Lexicon.Kind.COUNTRY || p.kind() == Lexicon.Kind.ORG)
                    && Objects.equals(p.code(), group.get(0).phrase().code())) {
                alsoName = true; // "Saudi", "Russian" (Federation) name their state; "American" Samoa is another's
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

    static String sentenceSlice(List<Token> toks, int start, int end) {
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

    /** "a third president", "another minister": some holder of the title, not the one introduced before. */
    private static boolean indefinite(String[] words, int start) {
        return start > 0 && INDEFINITE.contains(words[start - 1])
                || start > 1 && INDEFINITE.contains(words[start - 2]); // "a former president"
    }
}
