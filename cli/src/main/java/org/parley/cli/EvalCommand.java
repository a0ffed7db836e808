package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.coder.EventCoder;
import org.parley.coder.eval.EvalReport;
import org.parley.coder.eval.Evaluator;
import org.parley.common.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley eval}: scores the coder on a gold JSONL file and prints the metrics as JSON. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Code each gold record and print dyad/quad/root precision, recall and F1 as JSON.",
                "The file format picks the mode: records with \"events\" (F1), with \"actors\" spans (actor recall),",
                "or with \"penta\" classes (direction agreement)."})
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "GOLD.jsonl", description = "Gold file (see ../shared/eval/README.md).")
    Path gold;

    @Option(names = "--verbose", description = {"Also list misses (with the coder's explanation of the sentence: actors",
            "found, rules tried, why no event) and false events with their sentences and rules."})
    boolean verbose;

    @Mixin
    DictionaryOptions dictionaries;

    @Option(names = "--learned", description = "Add the learned second opinion (docs/coder.md).")
    boolean learned;

    @Option(names = "--learned-folds", paramLabel = "K", description = {"On a \"penta\" file (the learned opinion's",
            "training data): code each record with a model trained on the other folds (k-fold cross-validation).",
            "Implies --learned."})
    int learnedFolds;

    @Override
    public Integer call() throws Exception {
        EventCoder coder = dictionaries.coder();
        coder = learned || learnedFolds > 0 ? coder.withLearnedOpinion() : coder;
        Evaluator evaluator = learnedFolds > 0 ? new Evaluator(coder).crossValidatingLearnedOpinion(learnedFolds)
                : new Evaluator(coder);
        EvalReport report = evaluator.evaluate(gold, verbose);
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return 0;
    }
}
