package org.parley.coder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.parley.coder.learned.Penta;
import org.parley.coder.learned.SentenceEmbedder;
import org.parley.coder.learned.SoftmaxClassifier;

/**
 * The learned second opinion: a classifier over sentence embeddings that says which of five event classes a
 * sentence reports (statement, verbal or material cooperation, verbal or material conflict). It never finds
 * actors; the dictionaries and the clause roles do. It acts where a dictionary rule matched a verb with an
 * object and found a source but no actor as target: the rule gives a one-sided event when the classifier reads
 * the sentence as the rule's class (see {@link EventAssembler}), so a word-sense reading the whole sentence does
 * not support stays silent. The vote shows in {@code --explain}.
 * <p>Off unless {@value #SWITCH}=on (or {@link EventCoder#withLearnedOpinion()}): measured on the dev sets and
 * the Wikinews corpus it adds little (docs/coder.md) for about twice the coding time.
 */
final class LearnedOpinion {
    static final String RESOURCE = "/org/parley/coder/learned/penta-classifier.tsv";
    /** Environment variable that switches the opinion on everywhere (processor, demo, bench) when "on". */
    static final String SWITCH = "PARLEY_LEARNED_OPINION";
    /** A dictionary event short of a target stands as a one-sided event where its class is this likely. */
    static final double CONFIRM = 0.5;

    private final SentenceEmbedder embedder;
    private final SoftmaxClassifier model;

    LearnedOpinion(SentenceEmbedder embedder, SoftmaxClassifier model) {
        this.embedder = embedder;
        this.model = model;
    }

    /** The opinion where the environment switches it on, else null. */
    static LearnedOpinion shipped() {
        return "on".equalsIgnoreCase(System.getenv(SWITCH)) ? load() : null;
    }

    /**
     * The shipped classifier over the shipped embedding model, or null (logged) where the embedding model cannot
     * run: the coder then works from its dictionaries alone rather than failing every sentence.
     */
    static LearnedOpinion load() {
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

    /** A sentence's vote, lazily; {@link #NONE} when the opinion is off (it confirms nothing). */
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

    /** The vote in words, for explanations. */
    static String describe(double[] p) {
        StringBuilder sb = new StringBuilder("learned vote");
        for (int c = 0; c < p.length; c++) {
            sb.append(c == 0 ? " " : ", ").append(Penta.LABELS.get(c)).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", p[c]));
        }
        return sb.toString();
    }
}
