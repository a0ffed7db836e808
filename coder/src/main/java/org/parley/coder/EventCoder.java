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
    private static final Set<String> MODALS = Set.of("could", "might", "may", "ready", "willing", "prepared",
            "intends", "intend", "plans", "plan", "offered", "offers", "offer", "proposed", "would", "hopes", "seeks");
    private static final Set<String> BE = Set.of("was", "were", "been", "being", "is", "are", "be");
    private static final Set<String> COPULA_AFTER_IT = Set.of("is", "was", "'s", "seems", "appears", "remains",
            "will", "would", "could", "cannot", "can", "has", "had", "might", "must", "should", "may");
    private static final Set<String> NOT_A_SEAT_AFTER = Set.of("state", "post", "times", "consensus", "journal",
            "institute", "university", "airport", "metro");
    private static final Set<String> REPORTING = Set.of("said", "says", "added", "told", "stated", "noted",
            "stressed", "explained", "announced", "confirmed", "writes", "believes", "according", "asked", "recalled");
    private static final Set<String> TOPIC_PREPS = Set.of("on", "about", "over", "regarding", "concerning");
    private static final Set<String> SAME_COUNTRY_ROLES = Set.of("OPP", "REB", "CVL", "MED", "EDU", "REL", "JUD");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an");
    private static final Set<String> PROPOSED_BY = Set.of("proposed", "prepared", "drafted", "sponsored",
            "submitted", "initiated", "tabled", "put", "introduced", "written");

    private final Lexicon lex;
    private final Map<String, List<Rule>> ruleIndex = new HashMap<>();
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
                ruleIndex.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
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

    /** Codes one article. Never throws on any text. */
    public CodedArticle code(CoderInput input) {
        String text = input.text() == null ? "" : input.text();
        LocalDate date = input.date() != null ? input.date()
                : input.ingestedAt() != null ? input.ingestedAt().atZone(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(ZoneOffset.UTC);
        List<int[]> sentences = Text.sentences(text);
        List<Event> events = new ArrayList<>();
        Discourse discourse = new Discourse();
        for (int si = 0; si < sentences.size(); si++) {
            int[] span = sentences.get(si);
            try {
                codeSentence(input, text, si, span, date, discourse, events);
            } catch (RuntimeException e) {
                if (strict) {
                    throw e;
                }
                // a coder bug must not lose the article: skip the sentence, keep the rest
                LOG.warn("article {} sentence {}: coder error, sentence skipped", input.articleId(), si, e);
            }
        }
        return new CodedArticle(input.articleId(), sentences.size(), events);
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

    private List<Mention> mentions(List<Token> toks, String[] words, LocalDate date, Discourse d) {
        List<Item> items = new ArrayList<>();
        int n = toks.size();
        int i = 0;
        while (i < n) {
            Item best = longestAt(toks, words, i, date);
            if (best == null) {
                String w = words[i];
                String rest = w.startsWith("anti-") ? w.substring(5) : w.startsWith("pro-") ? w.substring(4) : null;
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
                    if (isLoner(next) || !joinable(words, end, next.start()) || !compatible(group, next)) {
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
            Mention m = toMention(group, end, toks, words, d, out);
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
            if (g.phrase().code() != null) {
                code = g.phrase().code();
            }
        }
        return code == null || next.phrase().code() == null || code.equals(next.phrase().code());
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
            case PERSON -> 0;
            case COUNTRY, ORG -> 1;
            case INSTITUTION -> 2;
            case SEAT -> 3;
            case DEMONYM, ORG_ADJ -> 4;
            default -> 5;
        };
    }

    private Mention toMention(List<Item> group, int end, List<Token> toks, String[] words, Discourse d,
                              List<Mention> earlier) {
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
            List<Ref> refs = resolve(cls.equals("POSS") ? "ONE" : cls, d, earlier);
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
        boolean hasRole = false;
        boolean contextInstitution = false;
        boolean onlyAdjectives = true;
        for (Item it : group) {
            Lexicon.Phrase p = it.phrase();
            switch (p.kind()) {
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
                    if (p.code() != null && code == null) {
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
                    if (code == null) {
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

    private List<Ref> resolve(String cls, Discourse d, List<Mention> earlier) {
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
                              Discourse discourse, List<Event> out) {
        List<Token> toks = Text.tokens(text, span[0], span[1]);
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
        List<Mention> mentions = mentions(toks, words, articleDate, discourse);

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
        for (int i = 0; i < n; i++) {
            if (seg[i] < 0 || (mentionAt[i] != null && !mentionAt[i].anti())) {
                continue;
            }
            int segEnd = i;
            while (segEnd < n && seg[segEnd] == seg[i]) {
                segEnd++;
            }
            String w = words[i];
            tryRules(ruleIndex.get("=" + w), words, i, segEnd, blocked, matches);
            tryRules(ruleIndex.get("~" + Rule.prefixKey(w)), words, i, segEnd, blocked, matches);
        }
        if (matches.isEmpty()) {
            rememberSentence(mentions, null, discourse);
            return;
        }
        // the longest match wins where matches overlap
        matches.sort((a, b) -> (b.end() - b.start()) - (a.end() - a.start()) != 0
                ? (b.end() - b.start()) - (a.end() - a.start()) : a.start() - b.start());
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
        Map<String, Event> produced = new LinkedHashMap<>();
        Set<String> negated = new HashSet<>();
        Ref firstSource = null;
        Span sentenceSpan = new Span(span[0], span[1]);
        String sentence = text.substring(span[0], span[1]);
        for (Match m : chosen) {
            Rule rule = m.rule();
            int t = m.start();
            int segStart = t;
            while (segStart > 0 && seg[segStart - 1] == seg[t]) {
                segStart--;
            }
            int segEnd = m.end();
            while (segEnd < n && seg[segEnd] == seg[t]) {
                segEnd++;
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
            List<Mention> src;
            List<Mention> tgt;
            List<Mention> before = subject(mentions, segStart, t, words);
            if (passive) {
                List<Mention> agent = byAgent(mentions, words, m.end() - 1, segEnd);
                if (!agent.isEmpty()) {
                    src = agent;
                    tgt = before;
                } else {
                    tgt = objectsBefore(mentions, segStart, m.end());
                    src = speaker == null || tgt.contains(speaker) ? List.of() : List.of(speaker);
                }
            } else {
                src = before;
                if (src.isEmpty() && segStart > 0 && RELATIVE.contains(words[segStart - 1])) {
                    src = relativeHead(mentions, words, segStart - 1);
                }
                // "X's visit to Y" / "the visit of X to Y": the noun's "of" actor acts
                if (nominal && !rule.symmetric() && m.end() < n && words[m.end()].equals("of")) {
                    List<Mention> of = coordinatedFrom(mentions, words, m.end() + 1, segEnd, false);
                    if (!of.isEmpty()) {
                        src = of;
                    }
                }
                tgt = targets(mentions, words, rule, t, m.end(), segEnd, src);
                if (rule.symmetric() && refs(tgt).size() >= 2 && isBetween(words, t, m.end(), tgt)) {
                    src = tgt; // "talks between X and Y" are X's and Y's, whoever reports or hinders them
                    tgt = List.of();
                    between = true;
                } else if (nominalObject) {
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
                if (tgt.isEmpty() && !src.isEmpty() && lastTargetSeg[0] == seg[t]) {
                    tgt = lastTargets;
                }
            }
            if (tgt.isEmpty() && !between && rule.place() && location != null && !src.isEmpty()) {
                tgt = List.of(location);
            }
            lastMatchEnd = m.end();
            lastMatchSeg = seg[t];
            if (!tgt.isEmpty()) {
                lastTargetSeg[0] = seg[t];
                lastTargets = tgt;
            }
            if (src.isEmpty()) {
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
                    continue;
                }
                code = rule.negatedCode();
            }
            LocalDate date = DateResolver.resolve(toks, t, articleDate);
            String loc = location == null ? null : location.text();
            List<Ref> sources = refs(src);
            List<Ref> targets = refs(tgt);
            if (targets.isEmpty()) {
                if (rule.symmetric() && sources.size() >= 2) {
                    for (Ref a : sources) {
                        for (Ref b : sources) {
                            emit(input, si, sentence, sentenceSpan, date, a, b, code, rule, loc, produced);
                        }
                    }
                } else if (rule.noTarget()) {
                    for (Ref a : sources) {
                        emit(input, si, sentence, sentenceSpan, date, a, null, code, rule, loc, produced);
                    }
                }
            } else {
                for (Ref a : sources) {
                    for (Ref b : targets) {
                        emit(input, si, sentence, sentenceSpan, date, a, b, code, rule, loc, produced);
                        if (rule.symmetric()) {
                            emit(input, si, sentence, sentenceSpan, date, b, a, code, rule, loc, produced);
                        }
                    }
                }
            }
            if (firstSource == null) {
                firstSource = sources.get(0);
            }
        }
        for (Event e : produced.values()) {
            String key = e.source().code() + ">" + (e.target() == null ? "-" : e.target().code()) + ">" + e.root();
            if (!negated.contains(key)) {
                out.add(e);
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
            if (m.place() && !rule.place()) {
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

    private void emit(CoderInput in, int si, String sentence, Span span, LocalDate date, Ref a, Ref b, String code,
                      Rule rule, String loc, Map<String, Event> produced) {
        if (b != null && a.code().equals(b.code())
                && !(a.role() != null && SAME_COUNTRY_ROLES.contains(a.role())
                || b.role() != null && SAME_COUNTRY_ROLES.contains(b.role()))) {
            return; // an actor acting on itself says nothing between actors
        }
        String key = a.code() + ">" + (b == null ? "-" : b.code()) + ">" + code;
        if (produced.containsKey(key)) {
            return;
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
    }

    static String stableId(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(16);
            for (int i = 0; i < 8; i++) {
                sb.append(Character.forDigit((h[i] >> 4) & 0xF, 16)).append(Character.forDigit(h[i] & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /** For tests and tools: the instant-free date rule. */
    static LocalDate articleDate(LocalDate date, Instant ingestedAt) {
        return date != null ? date : ingestedAt != null ? ingestedAt.atZone(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(ZoneOffset.UTC);
    }
}
