package org.parley.coder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.coder.learned.Penta;
import org.parley.coder.learned.SentenceEmbedder;
import org.parley.coder.learned.SoftmaxClassifier;

/**
 * The learned second opinion: a classifier over sentence embeddings that says which of five event classes a
 * sentence reports (statement, verbal or material cooperation, verbal or material conflict). It never finds
 * actors; the dictionaries and the clause roles do. It acts twice, and only where the dictionaries found too little
 * (a vote costs milliseconds; a sentence the dictionaries code whole never pays for one):
 * <ul>
 *   <li><b>fill</b>: a sentence in which no rule matched, but whose main verb has an actor as its subject and another
 *   country's actor after it, gets an
 *   event of the class's unspecified code (040, 060, 110, 190) when the classifier is sure of a cooperation or
 *   conflict class; the rule is {@code learned.<class>} and the trigger the verb, so it stays explainable;</li>
 *   <li><b>confirm</b>: a dictionary rule that found a source but no actor as its object gives a one-sided event
 *   when the classifier reads the sentence as the rule's class (see {@link EventAssembler}).</li>
 * </ul>
 * Its votes show in {@code --explain} as the rule {@code learned.opinion}.
 */
final class LearnedOpinion {
    static final String RESOURCE = "/org/parley/coder/learned/penta-classifier.tsv";
    /** Environment variable that switches the opinion off everywhere (processor, demo, bench) when "off". */
    static final String SWITCH = "PARLEY_LEARNED_OPINION";
    /** Fill only where the class is this likely. */
    static final double FILL = 0.6;
    /** A dictionary event short of a target stands as a one-sided event where its class is this likely. */
    static final double CONFIRM = 0.5;
    private static final String[] FILL_CODES = {null, "040", "060", "110", "190"};
    /** Verbs that report what someone said; the event, if any, is in what was said. */
    private static final Set<String> REPORTING = Set.of("said", "says", "say", "told", "tells", "tell", "added",
            "adds", "stated", "states", "noted", "notes", "reported", "reports", "wrote", "writes", "according",
            "quoted", "explained", "insisted", "argued", "believes", "believed", "think", "thinks", "thought");

    private final SentenceEmbedder embedder;
    private final SoftmaxClassifier model;

    LearnedOpinion(SentenceEmbedder embedder, SoftmaxClassifier model) {
        this.embedder = embedder;
        this.model = model;
    }

    /**
     * The shipped classifier over the shipped embedding model, or null (logged once) where the embedding model
     * cannot run: the coder then works from its dictionaries alone rather than failing every sentence.
     */
    static LearnedOpinion shipped() {
        if ("off".equalsIgnoreCase(System.getenv(SWITCH))) {
            return null;
        }
        try {
            return new LearnedOpinion(SentenceEmbedder.miniLm(), shippedModel());
        } catch (LinkageError | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LearnedOpinion.class)
                    .warn("learned second opinion off: the embedding model cannot run here ({})", e.toString());
            return null;
        }
    }

    static SoftmaxClassifier shippedModel() {
        try (InputStream in = LearnedOpinion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return SoftmaxClassifier.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    RESOURCE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    LearnedOpinion withModel(SoftmaxClassifier other) {
        return new LearnedOpinion(embedder, other);
    }

    /** Probabilities of the five classes for one sentence. */
    double[] vote(String sentence) {
        return model.probabilities(embedder.embed(sentence));
    }

    /**
     * Votes one article may take: an embedding costs milliseconds, and an article of thousands of matching
     * sentences must not hold a pipeline thread for minutes. Past the budget the dictionaries code alone.
     */
    static final int VOTES_PER_ARTICLE = 100;

    /** What is left of one article's votes. */
    static final class Budget {
        private int left = VOTES_PER_ARTICLE;
    }

    /** The vote on one sentence, computed when first asked for: most sentences never need it. */
    Vote voteOn(String sentence, Budget budget) {
        return new Vote(this, sentence, budget);
    }

    /** A sentence's vote, lazily; {@link #NONE} when the opinion is off (it confirms nothing and vetoes nothing). */
    static final class Vote {
        static final Vote NONE = new Vote(null, null, null);
        private final LearnedOpinion opinion;
        private final String sentence;
        private final Budget budget;
        private double[] p;

        private Vote(LearnedOpinion opinion, String sentence, Budget budget) {
            this.opinion = opinion;
            this.sentence = sentence;
            this.budget = budget;
        }

        boolean on() {
            return opinion != null;
        }

        /** The class probabilities, or null when the opinion is off or the article's budget is spent. */
        double[] p() {
            if (p == null && opinion != null && budget.left > 0) {
                budget.left--;
                p = opinion.vote(sentence);
            }
            return p;
        }

        /** Whether the sentence reads as {@code code}'s class with at least {@link #CONFIRM} probability. */
        boolean confirms(String code) {
            double[] probs = p();
            return probs != null && probs[Penta.ofRoot(Integer.parseInt(code.substring(0, 2))).ordinal()] >= CONFIRM;
        }
    }

    /**
     * The verb a fill event would hang on: a main verb, not a reporting one, with an actor before it in its clause
     * and another country's actor after it. Without the second actor the vote is too weak a witness: on real news a
     * sentence with one actor and any verb ("Kenya's Kosgei sets a world record") reads as some class or other.
     */
    static int fillVerb(Sentence s, List<Mention> mentions, Syntax syn) {
        for (int t = 0; t < s.n(); t++) {
            if (s.seg()[t] < 0 || REPORTING.contains(s.words()[t]) || !syn.isVerb(t)
                    || VerbRole.notAnAct(s, syn, t) != null) {
                continue;
            }
            Mention subject = actorBefore(s, mentions, t);
            if (subject != null && otherActorAfter(s, mentions, t, subject)) {
                return t;
            }
        }
        return -1;
    }

    private static Mention actorBefore(Sentence s, List<Mention> mentions, int t) {
        for (Mention m : mentions) {
            if (!m.place() && !m.anti() && m.end() <= t && s.seg()[m.start()] == s.seg()[t]
                    && !m.anonymousCivilians()) {
                return m;
            }
        }
        return null;
    }

    private static boolean otherActorAfter(Sentence s, List<Mention> mentions, int t, Mention subject) {
        String own = subject.refs().get(0).code();
        for (Mention m : mentions) {
            if (!m.place() && !m.anti() && !m.anaphor() && m.start() > t && s.seg()[m.start()] == s.seg()[t]
                    && !m.refs().get(0).code().equals(own) && !EventCoder.UNKNOWN.equals(m.refs().get(0).code())) {
                return true;
            }
        }
        return false;
    }

    /** A match for the sure class of {@code p} at verb {@code t}, or null when the classifier is not sure enough. */
    Match fill(Sentence s, int t, double[] p, CodingObserver obs) {
        int best = 1;
        for (int c = 2; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
        }
        boolean sure = p[best] >= FILL && p[best] > p[0];
        if (obs.recording()) {
            obs.ruleTried(opinionRule(), s.words()[t], describe(p) + (sure ? ": fills" : ": not sure enough to fill"));
        }
        if (!sure) {
            return null;
        }
        Penta c = Penta.values()[best];
        Rule r = Rule.parse("learned." + c.label() + " | " + FILL_CODES[best] + " | " + s.words()[t] + " |");
        return new Match(r, t, t + 1);
    }

    static Rule opinionRule() {
        return Rule.parse("learned.opinion | 010 | opinion |");
    }

    static String describe(double[] p) {
        StringBuilder sb = new StringBuilder("learned vote");
        for (int c = 0; c < p.length; c++) {
            sb.append(c == 0 ? " " : ", ").append(Penta.LABELS.get(c)).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", p[c]));
        }
        return sb.toString();
    }
}
