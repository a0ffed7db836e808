package org.parley.coder;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.parley.common.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Codes English news text into CAMEO events with dictionaries and shallow clause analysis (no parser).
 * Immutable after construction and safe to share between threads: all per-article state lives in locals.
 * Per sentence it runs the stages {@link MentionFinder}, {@link ActionMatcher}, {@link ClauseRoles} and
 * {@link EventAssembler}; {@link ArticleMemory} carries the anaphor context from sentence to sentence.
 */
public final class EventCoder {
    private static final Logger LOG = LoggerFactory.getLogger(EventCoder.class);
    /** Code of an actor whose country the text does not give ("insurgents", "police"), as in PETRARCH. */
    public static final String UNKNOWN = "---";

    private final Lexicon lex;
    private final MentionFinder finder;
    private final ActionMatcher matcher;
    private final Tagger tagger = Tagger.english();
    /** Tests set this so that a sentence-level bug fails loudly instead of being logged and skipped. */
    private final boolean strict;
    /** The learned second opinion; null when switched off. */
    private final LearnedOpinion opinion;

    private EventCoder(Lexicon lex) {
        this(lex, false, LearnedOpinion.shipped());
    }

    private EventCoder(Lexicon lex, boolean strict, LearnedOpinion opinion) {
        this.lex = lex;
        this.strict = strict;
        this.opinion = opinion;
        this.matcher = new ActionMatcher(lex);
        this.finder = new MentionFinder(lex);
        LOG.debug("event coder loaded: {} rules, {} phrase keys", lex.rules.size(), lex.phrasesByFirstWord.size());
    }

    private EventCoder(EventCoder base, LearnedOpinion opinion) {
        this.lex = base.lex;
        this.strict = base.strict;
        this.opinion = opinion;
        this.matcher = base.matcher;
        this.finder = base.finder;
    }

    /**
     * This coder with the learned second opinion (off by default; {@code PARLEY_LEARNED_OPINION=on} turns it on
     * for every coder). Unchanged where the embedding model cannot run here.
     */
    public EventCoder withLearnedOpinion() {
        if (opinion != null) {
            return this;
        }
        LearnedOpinion loaded = LearnedOpinion.load();
        return loaded == null ? this : new EventCoder(this, loaded);
    }

    /** This coder without the learned second opinion: dictionaries and clause roles only (faster). */
    public EventCoder withoutLearnedOpinion() {
        return opinion == null ? this : new EventCoder(this, null);
    }

    /** Whether the learned second opinion is on. */
    public boolean learnedOpinion() {
        return opinion != null;
    }

    /**
     * This coder with its learned opinion voting by {@code model} (same embedding model): the evaluator codes each
     * dev record with a model trained without it.
     */
    public EventCoder withLearnedModel(org.parley.coder.learned.SoftmaxClassifier model) {
        LearnedOpinion base = opinion != null ? opinion : LearnedOpinion.load();
        return base == null ? this : new EventCoder(this, base.withModel(model));
    }

    /** For tests: a coder that rethrows instead of skipping a sentence it fails on. */
    static EventCoder strictForTests() {
        return new EventCoder(Lexicon.fromClasspath(), true, null);
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
        LocalDate date = articleDate(input.date(), input.ingestedAt());
        List<int[]> sentences = Text.sentences(text);
        List<Event> events = new ArrayList<>();
        ArticleMemory memory = new ArticleMemory();
        for (int si = 0; si < sentences.size(); si++) {
            int[] span = sentences.get(si);
            TraceRecorder trace = traces == null ? null : new TraceRecorder();
            CodingObserver obs = trace == null ? CodingObserver.NONE : trace;
            int before = events.size();
            try {
                codeSentence(input, text, si, span, date, memory, events, obs);
            } catch (RuntimeException e) {
                if (strict) {
                    throw e;
                }
                // a coder bug must not lose the article: skip the sentence, keep the rest
                LOG.warn("article {} sentence {}: coder error, sentence skipped", input.articleId(), si, e);
                obs.failed(e);
            }
            if (trace != null) {
                traces.add(trace.toTrace(si, text.substring(span[0], span[1]), events.subList(before, events.size())));
            }
        }
        return new CodedArticle(input.articleId(), sentences.size(), events);
    }

    private void codeSentence(CoderInput input, String text, int si, int[] span, LocalDate articleDate,
                              ArticleMemory memory, List<Event> out, CodingObserver obs) {
        Sentence s = Clauses.sentence(text, si, span);
        if (s == null) {
            return;
        }
        List<Mention> modifiers = new ArrayList<>();
        List<Mention> mentions = finder.find(s.toks(), s.words(), articleDate, memory, modifiers);
        obs.actorsFound(mentions, modifiers, s.words());
        Syntax syntax = new Syntax(tagger, s);
        List<Match> matches = matcher.matches(s, mentions, syntax, obs);
        if (matches.isEmpty() && !(mentions.size() >= 2 && saysMust(s.words()))) {
            memory.rememberSentence(mentions, null);
            return; // without an action word only a reported obligation ("said Turkey must act") is an event
        }
        if (mentions.isEmpty() && modifiers.isEmpty()) {
            obs.noActors(matches, s.words());
        }
        List<Match> chosen = ActionMatcher.longest(matches, s.words(), obs);
        ClauseRoles roles = new ClauseRoles(s, mentions, syntax);
        LearnedOpinion.Vote vote = opinion == null ? LearnedOpinion.Vote.NONE
                : opinion.voteOn(text.substring(span[0], span[1]), memory.votes());
        int before = out.size();
        ActorRef firstSource = new EventAssembler(lex, input, text, s, syntax, articleDate, roles, modifiers, obs)
                .confirmedBy(vote).assemble(chosen, out);
        memory.rememberEvents(out.subList(before, out.size()));
        memory.rememberSentence(mentions, firstSource);
    }

    private static boolean saysMust(String[] words) {
        for (String w : words) {
            if (w.equals("must") || w.equals("should")) {
                return true;
            }
        }
        return false;
    }

    /** For tests and tools: the instant-free date rule. */
    static LocalDate articleDate(LocalDate date, Instant ingestedAt) {
        return date != null ? date : ingestedAt != null ? ingestedAt.atZone(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(ZoneOffset.UTC);
    }
}
