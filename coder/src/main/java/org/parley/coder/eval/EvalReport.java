package org.parley.coder.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Metrics of one evaluation run, in the shape ../shared/eval/README.md describes. {@code misses} and
 * {@code falseEvents} are present only for a verbose run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvalReport(String gold, int records, Level dyad, Level quad, Level root, int absentProduced,
                         List<Finding> absentHits, List<Finding> misses, List<Finding> falseEvents) {

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
    public record Finding(String record, String tuple, String sentence, String rule) {
    }
}
