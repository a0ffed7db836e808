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
import org.parley.common.Event;

/**
 * The learned second opinion: a classifier over sentence embeddings that says which of five event classes a
 * sentence reports (statement, verbal or material cooperation, verbal or material conflict). It never finds
 * actors; the dictionaries and the clause roles do. It acts twice:
 * <ul>
 *   <li><b>fill</b>: a sentence in which no rule matched, but whose main verb has an actor as its subject, gets an
 *   event of the class's unspecified code (040, 060, 110, 190) when the classifier is sure of a cooperation or
 *   conflict class; the rule is {@code learned.<class>} and the trigger the verb, so it stays explainable;</li>
 *   <li><b>veto</b>: an event whose direction (cooperation or conflict) the classifier contradicts with high
 *   probability is dropped: the word-sense errors of a dictionary ("released a statement") read as the other
 *   direction to a model of the whole sentence.</li>
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
    /** Veto only where the opposite direction is this likely. */
    static final double VETO = 0.9;
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

    /** The vote on one sentence, computed when first asked for: most sentences never need it. */
    Vote voteOn(String sentence) {
        return new Vote(this, sentence);
    }

    /** A sentence's vote, lazily; {@link #NONE} when the opinion is off (it confirms nothing and vetoes nothing). */
    static final class Vote {
        static final Vote NONE = new Vote(null, null);
        private final LearnedOpinion opinion;
        private final String sentence;
        private double[] p;

        private Vote(LearnedOpinion opinion, String sentence) {
            this.opinion = opinion;
            this.sentence = sentence;
        }

        boolean on() {
            return opinion != null;
        }

        double[] p() {
            if (p == null) {
                p = opinion.vote(sentence);
            }
            return p;
        }

        /** Whether the sentence reads as {@code code}'s class with at least {@link #CONFIRM} probability. */
        boolean confirms(String code) {
            return on() && p()[Penta.ofRoot(Integer.parseInt(code.substring(0, 2))).ordinal()] >= CONFIRM;
        }
    }

    /** The verb a fill event would hang on: a main verb, not a reporting one, with an actor before it in its clause. */
    static int fillVerb(Sentence s, List<Mention> mentions, Syntax syn) {
        for (int t = 0; t < s.n(); t++) {
            if (s.seg()[t] < 0 || REPORTING.contains(s.words()[t]) || !syn.isVerb(t)
                    || VerbRole.notAnAct(s, syn, t) != null) {
                continue;
            }
            for (Mention m : mentions) {
                if (!m.place() && !m.anti() && m.end() <= t && s.seg()[m.start()] == s.seg()[t]
                        && !m.anonymousCivilians()) {
                    return t;
                }
            }
        }
        return -1;
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

    /** Whether the classifier contradicts {@code e}'s direction strongly enough to drop it. */
    static boolean vetoes(Event e, double[] p) {
        Penta ofEvent = Penta.ofRoot(Integer.parseInt(e.root()));
        double coop = p[1] + p[2];
        double conflict = p[3] + p[4];
        return ofEvent.cooperation() && conflict >= VETO || ofEvent.conflict() && coop >= VETO;
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
