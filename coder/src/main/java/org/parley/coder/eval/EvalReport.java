package org.parley.coder.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Metrics of one evaluation run, in the shape ../shared/eval/README.md describes. {@code misses} and
 * {@code falseEvents} are present only for a verbose run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvalReport(String gold, int records, Level dyad, Level quad, Level root, int absentProduced,
                         List<Finding> absentHits, List<Finding> misses, List<Finding> falseEvents, String mode,
                         ActorRecall actorRecall, Direction direction) {

    /** A report on a gold file of coded events (mode {@code events}). */
    public EvalReport(String gold, int records, Level dyad, Level quad, Level root, int absentProduced,
                      List<Finding> absentHits, List<Finding> misses, List<Finding> falseEvents) {
        this(gold, records, dyad, quad, root, absentProduced, absentHits, misses, falseEvents, "events", null, null);
    }

    /**
     * Mode {@code actor-spans}: of the gold source and target spans, how many the coder resolved to an actor
     * (some content word of the span lies in an actor mention, places included), overall and per role.
     */
    public record ActorRecall(int spans, int found, double recall, int sourceSpans, int sourcesFound,
                              int targetSpans, int targetsFound, int sentencesWithEvents) {
    }

    /**
     * Mode {@code quad-class}: sentences whose gold class is cooperation (1, 2) or conflict (3, 4), and how many
     * the coder coded with at least one root of the same kind (03-08 cooperation; 09-20 conflict); {@code
     * opposite} had only roots of the other kind, {@code uncoded} no event. {@code pentaAgreement} is the share
     * of all sentences, statements included, that have an event of exactly the gold five-way class.
     */
    public record Direction(int cooperation, int cooperationAgreed, int conflict, int conflictAgreed, int opposite,
                            int uncoded, double agreement, int sentences, double pentaAgreement) {
    }

    /** Micro-averaged counts and scores at one level. */
    public record Level(int tp, int fp, int fn, double precision, double recall, double f1) {
        static Level of(int tp, int fp, int fn) {
            double p = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
            double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
            return new Level(tp, fp, fn, round(p), round(r), round(f));
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }

    /** One root-level tuple that was missed, wrongly produced, or produced although marked absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(String record, String tuple, String sentence, String rule, String why) {
        public Finding(String record, String tuple, String sentence, String rule) {
            this(record, tuple, sentence, rule, null);
        }
    }
}
