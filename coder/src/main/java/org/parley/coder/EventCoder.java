package org.parley.coder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.common.Actor;
import org.parley.common.Actor.ActorType;
import org.parley.common.Event;
import org.parley.common.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Codes English news text into CAMEO events with dictionaries and shallow clause analysis (no parser).
 * Immutable after construction and safe to share between threads: all per-article state lives in locals.
 */
public final class EventCoder {
    private static final Logger LOG = LoggerFactory.getLogger(EventCoder.class);
    /** Sentences longer than this many tokens are cut: keeps the worst case linear and bounded. */
    private static final int MAX_TOKENS = 300;
    /** Code of an actor whose country the text does not give ("insurgents", "police"), as in PETRARCH. */
    public static final String UNKNOWN = "---";
    /** The built-in rule of reported hostile acts: the speaker accuses the actor. */
    private static final Rule REPORTED_RULE = Rule.parse("dis.reported | 112 | said | ");

    private static final Set<String> PLACE_PREPS = Set.of("in", "at", "near", "inside", "across", "throughout",
            "outside", "around");
    private static final Set<String> OBJECT_PREPS = Set.of("of", "for", "with", "to", "against", "on", "from", "by",
            "about", "towards", "toward", "into", "over", "under", "between", "among", "in", "at", "than", "via",
            "regarding", "like", "including");
    private static final Set<String> CONNECTORS = Set.of("'s", "of", "the", "to");
    private static final Set<String> COORDINATORS = Set.of("and", ",", "along", "with", "together", "as", "well",
            "both", "or", "the");
    private static final Set<String> BOUNDARIES = Set.of(";", ":", "—", "–", "\"", "“", "”", "«", "»", "(", ")",
            "but", "although", "though", "while", "whereas", "because", "which", "who", "whom", "that", "where",
            "when", "said", "says", "told", "tells", "added", "stressed", "explained", "according", "reported",
            "writes", "believes", "?", "!");
    private static final Set<String> RELATIVE = Set.of("who", "which", "that", "where");
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "without", "cannot", "neither", "nor");
    private static final Set<String> MODALS = Set.of("could", "might", "may", "ready", "willing",
            "intends", "intend", "plans", "plan", "offered", "offers", "offer", "proposed", "would", "hopes", "seeks",
            "want", "wants", "wanted", "threatened", "threatens", "vowed", "vows", "aims", "pledged", "pledges",
            "promised", "promises");
    private static final Set<String> BE = Set.of("was", "were", "been", "being", "is", "are", "be");
    private static final Set<String> COPULA_AFTER_IT = Set.of("is", "was", "'s", "seems", "appears", "remains",
            "will", "would", "could", "cannot", "can", "has", "had", "might", "must", "should", "may");
    private static final Set<String> NOT_A_SEAT_AFTER = Set.of("state", "post", "times", "consensus", "journal",
            "institute", "university", "airport", "metro");
    private static final Set<String> REPORTING = Set.of("said", "says", "added", "told", "stated", "noted",
            "stressed", "explained", "announced", "confirmed", "writes", "believes", "according", "asked", "recalled");
    private static final Set<String> TOPIC_PREPS = Set.of("on", "about", "over", "regarding", "concerning");
    private static final Set<String> SAME_COUNTRY_ROLES = Set.of("OPP", "REB", "CVL", "MED", "EDU", "REL", "JUD");
    private static final Set<String> OBJECT_STARTS = Set.of("a", "an", "the", "his", "her", "their", "its",
            "several", "dozens", "hundreds", "thousands", "scores", "at", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "many", "some", "more", "over", "nearly", "about", "up");
    private static final Set<String> SUBJECT_OPENERS = Set.of("the", "a", "an", "eastern-based", "western-based",
            "then", "new", "former", "top", "senior", "local", "state-run", "state");
    private static final Set<String> ROLE_IN_COUNTRY = Set.of("GOV", "JUD", "COP", "LEG");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an");
    private static final Set<String> PROPOSED_BY = Set.of("proposed", "prepared", "drafted", "sponsored",
            "submitted", "initiated", "tabled", "put", "introduced", "written");

    private final Lexicon lex;
    /** Rules by their first element's exact words, and by the first three letters of its stems. */
    private final Map<String, List<Rule>> rulesByWord = new HashMap<>();
    private final Map<String, List<Rule>> rulesByPrefix = new HashMap<>();
    /** Tests set this so that a sentence-level bug fails loudly instead of being logged and skipped. */
    private final boolean strict;

    private EventCoder(Lexicon lex) {
        this(lex, false);
    }

    private EventCoder(Lexicon lex, boolean strict) {
        this.lex = lex;
        this.strict = strict;
        for (Rule r : lex.rules.values()) {
            if (!lex.codebook.containsKey(r.code())) {
                throw new IllegalArgumentException("rule " + r.id() + " has a code not in the codebook: " + r.code());
            }
            for (String k : r.indexKeys()) {
                (k.charAt(0) == '=' ? rulesByWord : rulesByPrefix).computeIfAbsent(k.substring(1),
                        x -> new ArrayList<>()).add(r);
            }
        }
        LOG.debug("event coder loaded: {} rules, {} phrase keys", lex.rules.size(), lex.phrasesByFirstWord.size());
    }

    /** For tests: a coder that rethrows instead of skipping a sentence it fails on. */
    static EventCoder strictForTests() {
        return new EventCoder(Lexicon.fromClasspath(), true);
    }

    /** A coder over the dictionaries shipped in the jar. */
    public static EventCoder withDefaultDictionaries() {
        return new EventCoder(Lexicon.fromClasspath());
    }

    /**
     * A coder over the shipped dictionaries extended by the same-named files in {@code dir} (codebook.tsv,
     * countries.txt, organisations.txt, people.txt, roles.txt, anaphors.txt, verbs.txt); entries with the
     * same key override the shipped ones.
     */
    public static EventCoder withDictionaries(Path dir) {
        Lexicon lex = Lexicon.fromClasspath();
        lex.extendFrom(dir);
        return new EventCoder(lex);
    }

    /**
     * A coder over the shipped dictionaries, then {@code dir} (may be null), then TABARI/PETRARCH actor files
     * (see {@link org.parley.coder.dictionary.PetrarchImporter}). Throws {@link java.io.UncheckedIOException} naming a
     * file that cannot be read.
     */
    public static EventCoder withDictionaries(Path dir, List<Path> petrarchActorFiles) {
        Lexicon lex = Lexicon.fromClasspath();
        if (dir != null) {
            lex.extendFrom(dir);
        }
        for (Path f : petrarchActorFiles) {
            org.parley.coder.dictionary.PetrarchImporter.Result r;
            try {
                r = org.parley.coder.dictionary.PetrarchImporter.read(f);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read PETRARCH dictionary " + f, e);
            }
            for (org.parley.coder.dictionary.PetrarchImporter.Actor a : r.actors()) {
                lex.addActor(a.name(), a.aliases(), a.codings());
            }
            LOG.info("imported {} actors from {} ({} lines skipped)", r.actors().size(), f, r.skippedLines());
        }
        return new EventCoder(lex);
    }

    /** Codes one article. Never throws on any text. */
    public CodedArticle code(CoderInput input) {
        return run(input, null);
    }

    /**
     * Codes one article and explains it sentence by sentence: actors found, rules tried, why no event came out.
     * Slower than {@link #code}; meant for people ({@code parley code --explain}, {@code parley eval --verbose}).
     */
    public Explanation explain(CoderInput input) {
        List<Explanation.SentenceTrace> traces = new ArrayList<>();
        run(input, traces);
        return new Explanation(input.articleId(), traces);
    }

    private CodedArticle run(CoderInput input, List<Explanation.SentenceTrace> traces) {
        String text = input.text() == null ? "" : input.text();
        LocalDate date = input.date() != null ? input.date()
                : input.ingestedAt() != null ? input.ingestedAt().atZone(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(ZoneOffset.UTC);
        List<int[]> sentences = Text.sentences(text);
        List<Event> events = new ArrayList<>();
        Discourse discourse = new Discourse();
        for (int si = 0; si < sentences.size(); si++) {
            int[] span = sentences.get(si);
            Trace trace = traces == null ? null : new Trace();
            int before = events.size();
            try {
                codeSentence(input, text, si, span, date, discourse, events, trace);
            } catch (RuntimeException e) {
                if (strict) {
                    throw e;
                }
                // a coder bug must not lose the article: skip the sentence, keep the rest
                LOG.warn("article {} sentence {}: coder error, sentence skipped", input.articleId(), si, e);
                if (trace != null) {
                    trace.verdict = "coder error: " + e;
                }
            }
            if (trace != null) {
                List<Event> mine = events.subList(before, events.size());
                String verdict = trace.verdict != null ? trace.verdict : mine.isEmpty() ? trace.whyNone() : null;
                traces.add(new Explanation.SentenceTrace(si, text.substring(span[0], span[1]), trace.actors,
                        trace.rules, mine, verdict));
            }
        }
        return new CodedArticle(input.articleId(), sentences.size(), events);
    }

    /** Collects the explanation of one sentence; null on the hot path. */
    private static final class Trace {
        final List<Explanation.ActorFound> actors = new ArrayList<>();
        final List<Explanation.RuleTrial> rules = new ArrayList<>();
        String verdict;
        String candidateVerbs = "";

        void rule(Rule r, String words, String outcome) {
            rules.add(new Explanation.RuleTrial(r.id(), r.code(), words, outcome));
        }

        String whyNone() {
            if (rules.isEmpty()) {
                return "no action word matched a rule" + (candidateVerbs.isEmpty() ? ""
                        : " (verbs seen: " + candidateVerbs + ")") + (actors.isEmpty() ? "; no actors found" : "");
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rules.size(); i++) {
                Explanation.RuleTrial r = rules.get(i);
                sb.append(i == 0 ? "" : "; ").append("rule ").append(r.rule()).append(" ('").append(r.words())
                        .append("') ").append(r.outcome());
            }
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------ actors

    /** A resolved actor reference. */
    private record Ref(String code, ActorType type, String role, String name, String text, boolean person) {
        Ref withText(String t) {
            return new Ref(code, type, role, name, t, person);
        }
    }

    /** Actors mentioned by tokens [start, end); a place mention is where something happened, not who. */
    private record Mention(int start, int end, List<Ref> refs, boolean place, boolean anti, boolean anaphor,
                           String text) {
    }

    /** What the previous sentences made salient, for anaphors. */
    private static final class Discourse {
        Ref focus;
        final List<Ref> recent = new ArrayList<>();
        Ref lastPerson;
        int lastPersonSentence = -10;
        int sentence;

        void remember(Ref r) {
            recent.removeIf(x -> x.code().equals(r.code()));
            recent.add(r);
            if (recent.size() > 12) {
                recent.remove(0);
            }
        }

        Ref lastState(Map<String, ActorType> types) {
            for (int i = recent.size() - 1; i >= 0; i--) {
                if (recent.get(i).type() == ActorType.STATE) {
                    return recent.get(i);
                }
            }
            return null;
        }
    }

    private record Item(int start, int end, Lexicon.Phrase phrase, boolean anti) {
    }

    private List<Mention> mentions(List<Token> toks, String[] words, LocalDate date, Discourse d,
                                   List<Mention> modifiers) {
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
            if (best != null) {
                items.add(best);
                i = best.end();
            } else {
                i++;
            }
        }
        // group adjacent items: "Russian Foreign Minister Sergei Lavrov", "Deputy assistant to the US Secretary of State"
        List<Mention> out = new ArrayList<>();
        int k = 0;
        while (k < items.size()) {
            Item first = items.get(k);
            List<Item> group = new ArrayList<>();
            group.add(first);
            int end = first.end();
            int j = k + 1;
            if (!isLoner(first)) {
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
                while (end < n && toks.get(end).isCapitalised() && toks.get(end).isWord()
                        && (j >= items.size() || items.get(j).start() > end) && end - last.end() < 3
                        && !BOUNDARIES.contains(words[end])) {
                    end++;
                }
            }
            Mention m = toMention(group, end, toks, words, d, out, modifiers);
            if (m != null) {
                out.add(m);
            }
            k = j;
        }
        return out;
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

    private static boolean joinable(String[] words, int from, int to) {
        if (to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!CONNECTORS.contains(words[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean compatible(List<Item> group, Item next) {
        String code = null;
        for (Item g : group) {
            if (g.phrase().code() != null && !g.phrase().code().equals(UNKNOWN)) {
                code = g.phrase().code();
            }
        }
        String c = next.phrase().code();
        return code == null || c == null || c.equals(UNKNOWN) || code.equals(c);
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

    private Mention toMention(List<Item> group, int end, List<Token> toks, String[] words, Discourse d,
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
            if (words[start].equals("it") && COPULA_AFTER_IT.contains(after)) {
                return null;
            }
            String cls = first.phrase().role();
            List<Ref> refs = resolve(cls.equals("POSS") ? "ONE" : cls, end - start == 1, d, earlier);
            if (refs.isEmpty()) {
                return null;
            }
            List<Ref> named = new ArrayList<>();
            for (Ref r : refs) {
                named.add(r.withText(text));
            }
            return new Mention(start, end, named, false, cls.equals("POSS"), true, text);
        }
        if (k0 == Lexicon.Kind.PLACE) {
            String code = first.phrase().code();
            return new Mention(start, end, List.of(ref(code, null, null).withText(text)), true, false, false, text);
        }
        String code = null;
        String role = null;
        String person = null;
        String groupName = null;
        boolean hasRole = false;
        boolean contextInstitution = false;
        boolean onlyAdjectives = true;
        for (Item it : group) {
            Lexicon.Phrase p = it.phrase();
            switch (p.kind()) {
                case GROUP -> {
                    if (code == null || code.equals(UNKNOWN)) {
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
                    if (p.code() != null && (code == null || code.equals(UNKNOWN))) {
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
                    if (code == null || code.equals(UNKNOWN)) {
                        code = p.code();
                    }
                    if (p.kind() != Lexicon.Kind.DEMONYM && p.kind() != Lexicon.Kind.ORG_ADJ) {
                        onlyAdjectives = false;
                    }
                }
            }
        }
        if (code == null) {
            if (!contextInstitution) {
                return null; // a title alone ("the minister") says nothing about whose
            }
            Ref st = d.lastState(lex.typeOfCode);
            for (int i = earlier.size() - 1; i >= 0 && st == null; i--) {
                Ref r = earlier.get(i).refs().get(0);
                if (r.type() == ActorType.STATE && !earlier.get(i).place()) {
                    st = r;
                }
            }
            if (st == null) {
                return null;
            }
            code = st.code();
        }
        if (first.anti()) {
            return new Mention(start, end, List.of(ref(code, null, null).withText(text)), false, true, false, text);
        }
        if (onlyAdjectives && !hasRole) {
            // "Russian proverb" is no actor; "Russians", "the Americans" are
            String w = toks.get(start).text();
            boolean plural = group.size() == 1 && w.endsWith("s") && k0 == Lexicon.Kind.DEMONYM;
            boolean alsoName = false;
            for (Lexicon.Phrase p : lex.phrasesByFirstWord.getOrDefault(words[start], List.of())) {
                if (p.kind() == Lexicon.Kind.COUNTRY || p.kind() == Lexicon.Kind.ORG) {
                    alsoName = true;
                }
            }
            boolean coordinated = (after.equals("and") || after.equals(",")) && end + 1 < words.length
                    && isAdjective(words[end + 1]);
            if (!plural && !alsoName && !coordinated) {
                modifiers.add(new Mention(start, end, List.of(ref(code, null, null).withText(text)), false, false,
                        false, text));
                return null;
            }
        }
        boolean place = false;
        if (group.size() == 1 && (k0 == Lexicon.Kind.SEAT || k0 == Lexicon.Kind.COUNTRY || k0 == Lexicon.Kind.ORG)) {
            if (k0 == Lexicon.Kind.SEAT && NOT_A_SEAT_AFTER.contains(after)) {
                return null;
            }
            place = PLACE_PREPS.contains(before) && !after.equals("'s");
        }
        if (person != null && role == null) {
            role = "GOV";
        }
        if (code.equals(UNKNOWN) || groupName != null) {
            ActorType type = ActorType.GROUP;
            String name = groupName != null ? groupName : "unknown " + (role == null ? "actor" : role);
            return new Mention(start, end, List.of(new Ref(code, type, role, name, text, false)), false, false, false,
                    text);
        }
        return new Mention(start, end, List.of(ref(code, role, person).withText(text)), place, false, false, text);
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

    private Ref ref(String code, String role, String person) {
        ActorType type = lex.typeOfCode.getOrDefault(code, ActorType.STATE);
        String name = person != null ? person : lex.nameOfCode.getOrDefault(code, code);
        return new Ref(code, type, role, name, null, person != null);
    }

    private List<Ref> resolve(String cls, boolean pronoun, Discourse d, List<Mention> earlier) {
        if (cls.equals("PAIR")) {
            List<Ref> pool = new ArrayList<>(d.recent);
            for (Mention m : earlier) {
                if (!m.place() && !m.anti()) {
                    pool.addAll(m.refs());
                }
            }
            List<Ref> pair = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = pool.size() - 1; i >= 0 && pair.size() < 2; i--) {
                Ref r = pool.get(i);
                if (seen.add(r.code()) && r.type() == ActorType.STATE) {
                    pair.add(0, r);
                }
            }
            return pair.size() == 2 ? pair : List.of();
        }
        Ref r = d.focus;
        if (cls.equals("ONE") && d.lastPerson != null && d.sentence - d.lastPersonSentence <= 2) {
            r = d.lastPerson; // he/she: a person named in the last two sentences
        }
        if (cls.equals("STATE") && pronoun) {
            // "Israel said a shell was fired at it": for "it", a state named earlier in the sentence comes first
            // ("this country" rather points to the topic of the text)
            for (int i = earlier.size() - 1; i >= 0; i--) {
                Mention m = earlier.get(i);
                if (!m.place() && !m.anti() && !m.anaphor() && m.refs().get(0).type() == ActorType.STATE) {
                    return List.of(m.refs().get(0));
                }
            }
        }
        if (cls.equals("ONE")) {
            // "Obama said he would ...": a person named earlier in the same sentence comes first
            for (int i = earlier.size() - 1; i >= 0; i--) {
                Mention m = earlier.get(i);
                if (!m.place() && !m.anti() && !m.anaphor() && m.refs().get(0).person()) {
                    r = m.refs().get(0);
                    break;
                }
            }
        }
        if (cls.equals("STATE") && (r == null || r.type() != ActorType.STATE)) {
            r = d.lastState(lex.typeOfCode);
        }
        if (r == null && !d.recent.isEmpty()) {
            r = d.recent.get(d.recent.size() - 1);
        }
        return r == null ? List.of() : List.of(r);
    }

    // ------------------------------------------------------------------ sentences

    private record Match(Rule rule, int start, int end) {
    }

    private void codeSentence(CoderInput input, String text, int si, int[] span, LocalDate articleDate,
                              Discourse discourse, List<Event> out, Trace trace) {
        List<Token> toks = withoutShortParentheticals(Text.tokens(text, span[0], span[1]));
        if (toks.size() > MAX_TOKENS) {
            toks = toks.subList(0, MAX_TOKENS);
        }
        int n = toks.size();
        if (n == 0) {
            return;
        }
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = toks.get(i).lower();
        }
        List<Mention> modifiers = new ArrayList<>();
        List<Mention> mentions = mentions(toks, words, articleDate, discourse, modifiers);
        if (trace != null) {
            for (Mention m : mentions) {
                for (Ref r : m.refs()) {
                    trace.actors.add(new Explanation.ActorFound(m.text(), r.code(), r.role(), m.place() ? "place"
                            : m.anaphor() ? (m.anti() ? "possessive anaphor" : "anaphor") : m.anti() ? "anti" : "actor"));
                }
            }
            for (Mention m : modifiers) {
                Ref r = m.refs().get(0);
                trace.actors.add(new Explanation.ActorFound(m.text(), r.code(), r.role(),
                        "modifier (source only of the action noun it precedes)"));
            }
            StringBuilder verbs = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (looksLikeVerb(words[i]) && (mentions.isEmpty() || true)) {
                    verbs.append(verbs.length() == 0 ? "" : ", ").append('\'').append(words[i]).append('\'');
                }
            }
            trace.candidateVerbs = verbs.toString();
        }

        // clause segments: -1 on boundary words
        int[] seg = new int[n];
        int s = 0;
        boolean afterAccording = false;
        for (int i = 0; i < n; i++) {
            String w = words[i];
            boolean boundary = BOUNDARIES.contains(w) || (afterAccording && w.equals(","));
            if (w.equals("according")) {
                afterAccording = true;
            } else if (w.equals(",") && afterAccording) {
                afterAccording = false;
            }
            if (boundary) {
                s++;
                seg[i] = -1;
            } else {
                seg[i] = s;
            }
        }
        boolean[] blocked = new boolean[n];
        Mention[] mentionAt = new Mention[n];
        for (Mention m : mentions) {
            for (int i = m.start(); i < m.end(); i++) {
                blocked[i] = !m.anti();
                mentionAt[i] = m;
            }
        }
        // words inside a mention never trigger a rule ("the Security Council" is no "council" action)
        List<Match> matches = new ArrayList<>();
        int clauseEnd = 0;
        for (int i = 0; i < n; i++) {
            if (seg[i] < 0 || (mentionAt[i] != null && !mentionAt[i].anti())) {
                continue;
            }
            if (clauseEnd <= i) { // the end of this clause, found once per clause (keeps the scan linear)
                clauseEnd = i;
                while (clauseEnd < n && seg[clauseEnd] == seg[i]) {
                    clauseEnd++;
                }
            }
            String w = words[i];
            tryRules(rulesByWord.get(w), words, i, clauseEnd, blocked, matches);
            tryRules(rulesByPrefix.get(Rule.prefixKey(w)), words, i, clauseEnd, blocked, matches);
        }
        if (matches.isEmpty()) {
            rememberSentence(mentions, null, discourse);
            return;
        }
        if (trace != null && mentions.isEmpty() && modifiers.isEmpty()) {
            trace.verdict = "no actors found (rules matched: " + matchNames(matches, words) + ")";
        }
        // the longest match wins where matches overlap
        // the longest match wins; at equal length the more specific pattern (more words), then the earlier one
        matches.sort((a, b) -> (b.end() - b.start()) - (a.end() - a.start()) != 0
                ? (b.end() - b.start()) - (a.end() - a.start())
                : b.rule().wordCount() != a.rule().wordCount() ? b.rule().wordCount() - a.rule().wordCount()
                : a.start() - b.start());
        boolean[] taken = new boolean[n];
        List<Match> chosen = new ArrayList<>();
        for (Match m : matches) {
            boolean free = true;
            for (int i = m.start(); i < m.end() && free; i++) {
                free = !taken[i];
            }
            if (free) {
                chosen.add(m);
                for (int i = m.start(); i < m.end(); i++) {
                    taken[i] = true;
                }
            } else if (trace != null) {
                trace.rule(m.rule(), slice(words, m.start(), m.end()), "overlapped by a longer match");
            }
        }
        chosen.sort((a, b) -> a.start() - b.start());

        Mention location = null;
        for (Mention m : mentions) {
            if (m.place()) {
                location = m;
                break;
            }
        }
        Mention speaker = null;
        Mention reportingSpeaker = null;
        for (Mention m : mentions) {
            if (m.place() || m.anti()) {
                continue;
            }
            boolean reports = m.end() < n && REPORTING.contains(words[m.end()])
                    || m.end() + 1 < n && REPORTING.contains(words[m.end() + 1])
                    || m.start() > 0 && REPORTING.contains(words[m.start() - 1])
                    || m.start() > 1 && words[m.start() - 1].equals("to") && words[m.start() - 2].equals("according");
            if (reports) {
                speaker = m;
                reportingSpeaker = m;
                break;
            }
            if (speaker == null) {
                speaker = m;
            }
        }
        int[] lastTargetSeg = {-1};
        List<Mention> lastTargets = new ArrayList<>();
        int lastMatchEnd = -1;
        int lastMatchSeg = -1;
        String lastRoot = "";
        int lastEmitSeg = -1;
        List<Ref> hostile = new ArrayList<>();
        int lastEmitEnd = -1;
        Map<String, Event> produced = new LinkedHashMap<>();
        Set<String> negated = new HashSet<>();
        Ref firstSource = null;
        Span sentenceSpan = new Span(span[0], span[1]);
        String sentence = text.substring(span[0], span[1]);
        for (Match m : chosen) {
            Rule rule = m.rule();
            int t = m.start();
            String matched = trace == null ? null : slice(words, t, m.end());
            int segStart = t;
            while (segStart > 0 && seg[segStart - 1] == seg[t]) {
                segStart--;
            }
            int segEnd = m.end();
            while (segEnd < n && seg[segEnd] == seg[t]) {
                segEnd++;
            }
            // "met in Zurich to discuss", "faces pressure to help", "wants Putin to attack": an infinitive after
            // another action in the clause is its purpose or content, not a second act
            if (t > 0 && words[t - 1].equals("to") && lastEmitSeg == seg[t] && t - lastEmitEnd <= 8
                    && !lastRoot.equals("03")) {
                if (trace != null) {
                    trace.rule(rule, matched, "skipped: infinitive after an earlier action of the clause");
                }
                continue;
            }
            boolean neg = negatedAt(words, t, m.end(), segStart, segEnd);
            boolean modal = false;
            for (int i = Math.max(segStart, t - 4); i < m.end(); i++) {
                if (MODALS.contains(words[i])) {
                    modal = true;
                }
            }
            boolean passive = false;
            for (int p = t; p < m.end() && !passive; p++) {
                passive = (p >= 1 && BE.contains(words[p - 1]) || p >= 2 && BE.contains(words[p - 2]))
                        && (words[p].endsWith("ed") || words[p].endsWith("en") || words[p].equals("held")
                        || words[p].equals("met"))
                        && !(p + 1 < n && (words[p + 1].equals("in") || words[p + 1].equals("to")
                        || words[p + 1].equals("with") || words[p + 1].equals("about")));
            }
            boolean nominal = t > 0 && (DETERMINERS.contains(words[t - 1]) || words[t - 1].equals("'s"));
            boolean nominalObject = nominal && lastMatchSeg == seg[t] && lastMatchEnd <= t
                    && !words[t - 1].equals("'s");
            boolean between = false;
            boolean placeTarget = false;
            List<Mention> src;
            List<Mention> tgt;
            List<Mention> before = subject(mentions, segStart, t, words);
            if (rule.fromSource()) {
                // "X received weapons from Y", "X faces pressure from Y": Y acts on X
                src = List.of();
                for (int i = m.end(); i < segEnd - 1 && src.isEmpty(); i++) {
                    if (words[i].equals("from")) {
                        src = coordinatedFrom(mentions, words, i + 1, segEnd, false);
                    }
                }
                if (src.isEmpty() && passive) {
                    src = byAgent(mentions, words, m.end() - 1, segEnd);
                }
                tgt = before.isEmpty() && segStart > 0 && RELATIVE.contains(words[segStart - 1])
                        ? relativeHead(mentions, words, segStart - 1) : before;
            } else if (passive) {
                List<Mention> agent = byAgent(mentions, words, m.end() - 1, segEnd);
                if (!agent.isEmpty()) {
                    src = agent;
                    // "Evidence against Russia was presented by the US": the object may sit in a phrase
                    if (before.isEmpty()) {
                        tgt = new ArrayList<>(objectsBefore(mentions, segStart, m.end()));
                        tgt.removeAll(agent);
                    } else {
                        tgt = before;
                    }
                } else {
                    tgt = objectsBefore(mentions, segStart, m.end());
                    // "rockets were fired at Israel from Gaza": where it came from acts
                    List<Mention> from = List.of();
                    for (int i = m.end(); i < segEnd - 1 && from.isEmpty(); i++) {
                        if (words[i].equals("from")) {
                            from = coordinatedFrom(mentions, words, i + 1, segEnd, true);
                        }
                    }
                    if (!from.isEmpty() && Integer.parseInt(rule.code().substring(0, 2)) >= 14) {
                        src = from;
                        if (tgt.isEmpty()) {
                            tgt = new ArrayList<>(targets(mentions, words, rule, t, m.end(), segEnd, src));
                            tgt.removeAll(from);
                        }
                    } else {
                        src = speaker == null || tgt.contains(speaker) || anonymousCivilians(speaker) ? List.of()
                                : List.of(speaker);
                    }
                }
            } else {
                src = before;
                if (src.isEmpty() && segStart > 0 && RELATIVE.contains(words[segStart - 1])) {
                    src = relativeHead(mentions, words, segStart - 1);
                }
                if (src.isEmpty()) {
                    // "Israeli shelling", "a Russian air strike": a nationality before an action noun acts;
                    // "The Libyan National Army released ...": so does one opening the clause's subject phrase
                    for (Mention mod : modifiers) {
                        boolean beforeNoun = mod.end() <= t && t - mod.end() <= 2;
                        boolean opensSubject = mod.end() < t && t - mod.end() <= 4 && mod.start() - segStart <= 2
                                && onlyWords(words, segStart, mod.start(), SUBJECT_OPENERS);
                        if (mod.start() >= segStart && (beforeNoun || opensSubject)) {
                            src = List.of(mod);
                        }
                    }
                }
                // "X's visit to Y" / "the visit of X to Y": the noun's "of" actor acts
                if (nominal && !rule.symmetric() && m.end() < n && words[m.end()].equals("of")) {
                    List<Mention> of = coordinatedFrom(mentions, words, m.end() + 1, segEnd, false);
                    if (!of.isEmpty()) {
                        src = of;
                    }
                }
                tgt = targets(mentions, words, rule, t, m.end(), segEnd, src);
                if (rule.objectNext() && !tgt.isEmpty() && tgt.get(0).start() - m.end() > 1) {
                    tgt = List.of(); // "wants Putin to ...": only an actor right after the verb is its object
                }
                if (rule.clausal()) {
                    tgt = clauseSubject(mentions, words, seg, m.end(), n);
                    if (!tgt.isEmpty() && tgt.get(0).anaphor()) {
                        tgt = List.of(); // "X claimed that they ...": a claim about oneself accuses no one
                    }
                }
                if ((rule.symmetric() || rule.mutual()) && refs(tgt).size() >= 2 && isBetween(words, t, m.end(), tgt)) {
                    src = tgt; // "talks between X and Y" are X's and Y's, whoever reports or hinders them
                    tgt = List.of();
                    between = true;
                } else if (nominalObject) {
                    if (trace != null) {
                        trace.rule(rule, matched, "skipped: the action noun is the object of an earlier action");
                    }
                    continue; // "facilitated the signing of an agreement": the noun is the verb's object
                }
                if (tgt.isEmpty() && rule.objectBefore() && !src.isEmpty()) {
                    int from = src.get(src.size() - 1).end();
                    for (Mention o : mentions) {
                        if (o.start() >= from && o.end() <= t && !o.place() && !o.anti()) {
                            tgt = List.of(o);
                            break;
                        }
                    }
                }
                // "supported Kiev politically and with arms supplies": the object is shared
                if (tgt.isEmpty() && !src.isEmpty() && lastTargetSeg[0] == seg[t] && t - lastMatchEnd <= 6
                        && contains(words, lastMatchEnd, t, "and")) {
                    tgt = lastTargets;
                }
            }
            if (tgt.isEmpty() && !between && rule.place() && location != null && !src.isEmpty()) {
                tgt = List.of(location);
            }
            for (Mention x : tgt) {
                placeTarget |= x.place();
            }
            lastMatchEnd = m.end();
            lastMatchSeg = seg[t];
            if (!tgt.isEmpty()) {
                lastTargetSeg[0] = seg[t];
                lastTargets = tgt;
            }
            if (src.isEmpty()) {
                if (trace != null) {
                    trace.rule(rule, matched, passive ? "matched (passive) but found no agent or speaker as source"
                            : rule.fromSource() ? "matched but found no \"from X\" source actor"
                            : "matched but found no source actor (no subject before the action word)");
                }
                continue;
            }
            String code = rule.code();
            if (modal && rule.intentCode() != null) {
                code = rule.intentCode();
            }
            if (neg) {
                if (rule.negatedCode() == null) {
                    for (Ref a : refs(src)) {
                        for (Ref b : refs(tgt.isEmpty() ? src : tgt)) {
                            negated.add(a.code() + ">" + b.code() + ">" + code.substring(0, 2));
                            negated.add(b.code() + ">" + a.code() + ">" + code.substring(0, 2));
                        }
                    }
                    if (trace != null) {
                        trace.rule(rule, matched, "negated: no event");
                    }
                    continue;
                }
                code = rule.negatedCode();
            }
            int producedBefore = produced.size();
            if (!tgt.isEmpty()) {
                // an act between actors, even one that gives no event (same country), governs an infinitive
                lastEmitSeg = seg[t];
                lastEmitEnd = m.end();
                lastRoot = code.substring(0, 2);
            }
            LocalDate date = DateResolver.resolve(toks, t, articleDate);
            String loc = location == null ? null : location.text();
            List<Ref> sources = refs(src);
            List<Ref> targets = refs(tgt);
            boolean twoWay = rule.symmetric() && !placeTarget;
            StringBuilder outcome = trace == null ? null : new StringBuilder();
            if (targets.isEmpty()) {
                if ((rule.symmetric() || rule.mutual()) && sources.size() >= 2) {
                    for (Ref a : sources) {
                        for (Ref b : sources) {
                            note(outcome, emit(input, si, sentence, sentenceSpan, date, a, b, code, rule, loc,
                                    produced));
                        }
                    }
                } else if (rule.noTarget() || !passive && !nominal && verbWithObject(words, m.end())
                        && !(t > 0 && words[t - 1].equals("to"))) {
                    // a verb whose object is no actor still acts: "shelled the enclave", "rejected the request";
                    // not an infinitive, which often completes a noun ("a threat to boycott the ceremony")
                    for (Ref a : sources) {
                        note(outcome, emit(input, si, sentence, sentenceSpan, date, a, null, code, rule, loc,
                                produced));
                    }
                } else {
                    int root = Integer.parseInt(code.substring(0, 2));
                    if (root >= 14) {
                        hostile.addAll(sources); // still an act a speaker can be reporting
                    }
                    if (outcome != null) {
                        outcome.append("matched but found no target actor");
                    }
                }
            } else {
                boolean coordinatedSubject = rule.mutual() && sources.size() >= 2;
                for (Ref a : sources) {
                    for (Ref b : targets) {
                        note(outcome, emit(input, si, sentence, sentenceSpan, date, a, b, code, rule, loc, produced));
                        if (twoWay) {
                            note(outcome, emit(input, si, sentence, sentenceSpan, date, b, a, code, rule, loc,
                                    produced));
                        }
                    }
                }
                if (coordinatedSubject) {
                    for (Ref a : sources) {
                        for (Ref b : sources) {
                            note(outcome, emit(input, si, sentence, sentenceSpan, date, a, b, code, rule, loc,
                                    produced));
                        }
                    }
                }
            }
            if (trace != null) {
                String how = (modal && rule.intentCode() != null ? "modal -> intent code " + code + "; " : "")
                        + (neg ? "negated -> " + code + "; " : "") + (passive ? "passive; " : "");
                trace.rule(rule, matched, how + outcome);
            }
            if (produced.size() > producedBefore) {
                lastEmitSeg = seg[t];
                lastEmitEnd = m.end();
                lastRoot = code.substring(0, 2);
            }
            if (firstSource == null) {
                firstSource = sources.get(0);
            }
        }
        // "Israel said a mortar was fired at it from Gaza", "the US said Iraq had attacked": a speaker who reports
        // material hostility (roots 14-20) by another actor accuses that actor (112), as CAMEO codes allegations
        if (reportingSpeaker != null && !anonymousCivilians(reportingSpeaker)) {
            List<Ref> accused = new ArrayList<>(hostile);
            for (Event e : produced.values()) {
                int root = Integer.parseInt(e.root());
                if (root >= 14 && !e.rule().equals(REPORTED_RULE.id())) {
                    accused.add(new Ref(e.source().code(), e.source().type(), e.source().role(), e.source().name(),
                            e.source().text(), false));
                }
            }
            LocalDate date = DateResolver.resolve(toks, 0, articleDate);
            String loc = location == null ? null : location.text();
            for (Ref a : accused) {
                // an anaphor ("they will attack") is the speaker's own side, not someone accused
                boolean named = a.text() != null && !a.text().isEmpty() && Character.isUpperCase(a.text().charAt(0));
                for (Ref sp : reportingSpeaker.refs()) {
                    if (named && !sp.code().equals(a.code()) && !UNKNOWN.equals(a.code())) {
                        String what = emit(input, si, sentence, sentenceSpan, date, sp, a, REPORTED_RULE.code(),
                                REPORTED_RULE, loc, produced);
                        if (trace != null && what != null) {
                            trace.rule(REPORTED_RULE, reportingSpeaker.text(), "reports a hostile act by "
                                    + a.code() + ": " + what);
                        }
                    }
                }
            }
        }
        for (Event e : produced.values()) {
            String key = e.source().code() + ">" + (e.target() == null ? "-" : e.target().code()) + ">" + e.root();
            if (!negated.contains(key)) {
                out.add(e);
            } else if (trace != null) {
                trace.rules.add(new Explanation.RuleTrial(e.rule(), e.cameo(), "", "event " + key
                        + " dropped: the same actors and root are negated elsewhere in the sentence"));
            }
        }
        rememberSentence(mentions, firstSource, discourse);
    }

    private static void tryRules(List<Rule> rules, String[] words, int i, int segEnd, boolean[] blocked,
                                 List<Match> out) {
        if (rules == null) {
            return;
        }
        for (Rule r : rules) {
            int e = r.matchAt(words, i, segEnd, blocked);
            if (e > i) {
                out.add(new Match(r, i, e));
            }
        }
    }

    private static boolean negatedAt(String[] words, int t, int end, int segStart, int segEnd) {
        for (int i = t - 1; i >= Math.max(segStart + 1, t - 8); i--) {
            if (words[i].equals("longer") && words[i - 1].equals("no")) {
                return true;
            }
        }
        for (int i = t - 1; i >= Math.max(segStart, t - 4); i--) {
            if (NEGATIONS.contains(words[i]) || words[i].endsWith("n't")) {
                return true;
            }
        }
        for (int i = end; i < segEnd; i++) {
            String w = words[i];
            if (w.startsWith("cancel") || w.startsWith("postpon") || w.equals("called") && i + 1 < segEnd
                    && words[i + 1].equals("off")) {
                return true;
            }
            if ((NEGATIONS.contains(w) || w.endsWith("n't")) && i + 1 < segEnd) {
                String next = words[i + 1];
                if (next.equals("take") || next.equals("took") || next.startsWith("happen")
                        || next.startsWith("occur") || next.startsWith("materiali")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The clause's subject: the first actor before the trigger not governed by a preposition, and its coordinates. */
    private static List<Mention> subject(List<Mention> mentions, int segStart, int t, String[] words) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() < segStart || m.end() > t || m.place() || (m.anti() && !m.anaphor())) {
                continue;
            }
            if (out.isEmpty() && anonymousCivilians(m)) {
                continue; // "eight people were killed": unnamed civilians are acted upon, not actors
            }
            if (m.anti() && t - m.end() > 1) {
                continue; // a possessive acts only on its own noun: "his visit", "his recent visit"
            }
            if (out.isEmpty()) {
                if (m.start() > 0 && OBJECT_PREPS.contains(words[m.start() - 1])) {
                    continue;
                }
                out.add(m);
            } else {
                Mention prev = out.get(out.size() - 1);
                if (onlyWords(words, prev.end(), m.start(), COORDINATORS)) {
                    out.add(m);
                } else {
                    break;
                }
            }
        }
        return dropAppositives(out, words);
    }

    /** "Kosachev, deputy chairman of the Federation Council," names one actor, not two. */
    private static List<Mention> dropAppositives(List<Mention> ms, String[] words) {
        if (ms.size() < 2) {
            return ms;
        }
        List<Mention> out = new ArrayList<>();
        out.add(ms.get(0));
        for (int i = 1; i < ms.size(); i++) {
            Mention prev = ms.get(i - 1);
            Mention m = ms.get(i);
            boolean commaOnly = m.start() - prev.end() == 1 && words[prev.end()].equals(",");
            if (commaOnly && m.refs().get(0).code().equals(prev.refs().get(0).code())) {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    private static List<Mention> objectsBefore(List<Mention> mentions, int segStart, int t) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= segStart && m.end() <= t && !m.place()) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<Mention> byAgent(List<Mention> mentions, String[] words, int from, int segEnd) {
        for (int i = from; i < segEnd - 1; i++) {
            if (words[i].equals("by")) {
                return coordinatedFrom(mentions, words, i + 1, segEnd, false);
            }
        }
        return List.of();
    }

    /** Mentions starting at or just after position {@code at} (allowing "the"), with their coordinates. */
    private static List<Mention> coordinatedFrom(List<Mention> mentions, String[] words, int at, int segEnd,
                                                 boolean allowPlace) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() < at || m.end() > segEnd || (m.place() && !allowPlace)) {
                continue;
            }
            if (out.isEmpty()) {
                if (m.start() - at > 1 || (m.start() > at && !words[at].equals("the"))) {
                    return out;
                }
                out.add(m);
            } else if (onlyWords(words, out.get(out.size() - 1).end(), m.start(), COORDINATORS)) {
                out.add(m);
            } else {
                break;
            }
        }
        return out;
    }

    private List<Mention> targets(List<Mention> mentions, String[] words, Rule rule, int t, int mEnd, int segEnd,
                                  List<Mention> src) {
        // "the resolution proposed by the United States": the proposer is whom the action is about
        for (int i = mEnd; i < segEnd - 2; i++) {
            if (PROPOSED_BY.contains(words[i]) && words[i + 1].equals("by")) {
                List<Mention> ag = coordinatedFrom(mentions, words, i + 2, segEnd, false);
                if (!ag.isEmpty()) {
                    return ag;
                }
            }
        }
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() <= t || m.end() > segEnd || src.contains(m)) {
                continue;
            }
            if (m.anti() && (m.end() > mEnd || m.anaphor())) {
                continue; // "anti-Russian rhetoric" elsewhere in the clause is not the action's target
            }
            if (rule.symmetric() && m.start() > 0 && TOPIC_PREPS.contains(words[m.start() - 1]) && out.isEmpty()) {
                continue; // "negotiations on Ukraine": a topic, not a party
            }
            // "fired rockets at Russia": a place right after a trigger ending in "at"/"on" is the target
            boolean aimedAt = m.place() && (words[mEnd - 1].equals("at") || words[mEnd - 1].equals("on"))
                    && (m.start() == mEnd || m.start() == mEnd + 1 && words[mEnd].equals("the"));
            if (m.place() && !rule.place() && !aimedAt) {
                continue;
            }
            if (out.isEmpty()) {
                out.add(m);
            } else if (onlyWords(words, out.get(out.size() - 1).end(), m.start(), COORDINATORS)) {
                out.add(m);
            } else {
                break;
            }
        }
        return dropAppositives(out, words);
    }

    /** "shelled the enclave", "killed 19 people": a trigger followed by a noun phrase is a verb with an object. */
    private static boolean verbWithObject(String[] words, int end) {
        if (end >= words.length) {
            return false;
        }
        String w = words[end];
        return OBJECT_STARTS.contains(w) || Character.isDigit(w.charAt(0));
    }

    /**
     * "The Libyan National Army (LNA) lifted ...": a short parenthetical (an acronym, a gloss) is dropped so that
     * it neither splits the clause nor hides the subject. Longer ones stay and act as clause boundaries.
     */
    private static List<Token> withoutShortParentheticals(List<Token> toks) {
        int n = toks.size();
        List<Token> out = null;
        for (int i = 0; i < n; i++) {
            if (toks.get(i).text().equals("(")) {
                int j = i + 1;
                while (j < n && j - i <= 6 && !toks.get(j).text().equals(")") && !toks.get(j).text().equals("(")) {
                    j++;
                }
                if (j < n && toks.get(j).text().equals(")")) {
                    if (out == null) {
                        out = new ArrayList<>(toks.subList(0, i));
                    }
                    i = j;
                    continue;
                }
            }
            if (out != null) {
                out.add(toks.get(i));
            }
        }
        return out == null ? toks : out;
    }

    private static boolean anonymousCivilians(Mention m) {
        Ref r = m.refs().get(0);
        return UNKNOWN.equals(r.code()) && "CVL".equals(r.role());
    }

    private static boolean isBetween(String[] words, int t, int mEnd, List<Mention> tgt) {
        int first = tgt.get(0).start();
        for (int i = t; i < first; i++) {
            if (words[i].equals("between") || words[i].equals("of")) {
                return true;
            }
        }
        return false;
    }

    private static List<Mention> relativeHead(List<Mention> mentions, String[] words, int rel) {
        for (Mention m : mentions) {
            if (!m.place() && !m.anti() && (m.end() == rel || (m.end() == rel - 1 && words[rel - 1].equals(",")))) {
                return List.of(m);
            }
        }
        return List.of();
    }

    private static boolean onlyWords(String[] words, int from, int to, Set<String> allowed) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!allowed.contains(words[i])) {
                return false;
            }
        }
        return true;
    }

    private static List<Ref> refs(List<Mention> ms) {
        List<Ref> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Mention m : ms) {
            for (Ref r : m.refs()) {
                if (seen.add(r.code() + "/" + r.role())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static void rememberSentence(List<Mention> mentions, Ref firstSource, Discourse d) {
        Ref subject = firstSource;
        for (Mention m : mentions) {
            if (m.place() || m.anti()) {
                continue;
            }
            for (Ref r : m.refs()) {
                if (subject == null && !m.anaphor()) {
                    subject = r;
                }
                if (r.person() && !m.anaphor()) {
                    d.lastPerson = r;
                    d.lastPersonSentence = d.sentence;
                }
                d.remember(r);
            }
        }
        if (subject != null) {
            d.focus = subject;
        }
        d.sentence++;
    }

    private String emit(CoderInput in, int si, String sentence, Span span, LocalDate date, Ref a, Ref b, String code,
                        Rule rule, String loc, Map<String, Event> produced) {
        if (UNKNOWN.equals(a.code()) && (b == null || UNKNOWN.equals(b.code()))) {
            return "no event: neither side is known";
        }
        if (b != null && a.code().equals(b.code())
                && !(a.role() != null && SAME_COUNTRY_ROLES.contains(a.role())
                || b.role() != null && SAME_COUNTRY_ROLES.contains(b.role()))) {
            return a == b ? null : "no event " + a.code() + ">" + b.code() + " (same actor on both sides)";
        }
        String key = a.code() + ">" + (b == null ? "-" : b.code()) + ">" + code;
        if (produced.containsKey(key)) {
            return "duplicate " + key;
        }
        Lexicon.CodeInfo info = lex.codebook.get(code);
        String root = code.substring(0, 2);
        Actor source = new Actor(a.code(), a.type(), a.role(), a.name(), a.text());
        Actor target = b == null ? null : new Actor(b.code(), b.type(), b.role(), b.name(), b.text());
        String id = stableId(in.articleId() + "|" + si + "|" + a.code() + "|" + (b == null ? "" : b.code()) + "|"
                + code + "|" + rule.id());
        produced.put(key, new Event(id, in.articleId(), si, sentence, span, date, source, target, code, root,
                Event.quadClassOfRoot(root), info == null ? 0.0 : info.goldstein(),
                info == null ? null : info.plover(), loc, rule.id(), in.ingestedAt()));
        return "event " + key;
    }

    private static void note(StringBuilder sb, String what) {
        if (sb != null && what != null) {
            sb.append(sb.length() == 0 ? "" : ", ").append(what);
        }
    }

    private static boolean contains(String[] words, int from, int to, String w) {
        for (int i = Math.max(0, from); i < to; i++) {
            if (words[i].equals(w)) {
                return true;
            }
        }
        return false;
    }

    private static String slice(String[] words, int from, int to) {
        return String.join(" ", java.util.Arrays.asList(words).subList(from, to));
    }

    private static String matchNames(List<Match> ms, String[] words) {
        StringBuilder sb = new StringBuilder();
        for (Match m : ms) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.rule().id()).append(" '")
                    .append(slice(words, m.start(), m.end())).append('\'');
        }
        return sb.toString();
    }

    /** Past-tense and reporting forms: a cheap guess at the verbs of a sentence, for explanations only. */
    private static boolean looksLikeVerb(String w) {
        return w.length() > 3 && (w.endsWith("ed") || w.endsWith("says") || w.equals("said") || w.equals("told")
                || w.equals("met") || w.equals("held") || w.equals("took") || w.equals("gave") || w.equals("made"));
    }

    /** The subject of the clause that follows a "that" at or after {@code from}: "alleged that France ...". */
    private static List<Mention> clauseSubject(List<Mention> mentions, String[] words, int[] seg, int from, int n) {
        int at = from;
        while (at < n && at < from + 3 && !words[at].equals("that")) {
            at++;
        }
        if (at >= n || !words[at].equals("that") || at + 1 >= n || seg[at + 1] < 0) {
            return List.of();
        }
        int end = at + 1;
        while (end < n && seg[end] == seg[at + 1]) {
            end++;
        }
        return subject(mentions, at + 1, end, words);
    }

    /** One digest per thread: getInstance is a provider lookup, too slow for every event. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    });

    static String stableId(String s) {
        {
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

    /** For tests and tools: the instant-free date rule. */
    static LocalDate articleDate(LocalDate date, Instant ingestedAt) {
        return date != null ? date : ingestedAt != null ? ingestedAt.atZone(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(ZoneOffset.UTC);
    }
}
