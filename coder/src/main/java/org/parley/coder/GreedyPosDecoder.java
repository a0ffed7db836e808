package org.parley.coder;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;

/**
 * Greedy decoding of OpenNLP's maximum-entropy POS model: for each token, the tag with the highest weight sum among
 * those the model's tag dictionary allows, given the tags chosen before it. It gives the tags of {@code POSTaggerME}
 * with a beam of 1 (checked in {@code TaggerTest} against it), without what the beam search costs on one path: a sort
 * of every outcome's probability per token (a tenth of the coder's time in a profile of {@code bench coder}) and the
 * exponentials that turn weight sums into probabilities (the arg max of the sums is the arg max of the probabilities,
 * the model's prior being uniform). Features come from the model's own context generator, so nothing of the model is
 * reimplemented. Not thread-safe (the context generator caches): one per thread.
 */
final class GreedyPosDecoder {
    private final POSContextGenerator contexts;
    private final SequenceValidator<String> validator;
    private final Map<String, Context> weights;
    private final String[] outcomes;
    private final double[] sums;

    @SuppressWarnings("unchecked")
    GreedyPosDecoder(POSModel model) {
        this.contexts = model.getFactory().getPOSContextGenerator(1);
        this.validator = model.getFactory().getSequenceValidator();
        AbstractModel maxent = (AbstractModel) model.getArtifact("pos.model");
        Object[] parts = maxent.getDataStructures();
        this.weights = (Map<String, Context>) parts[1];
        this.outcomes = (String[]) parts[2];
        this.sums = new double[outcomes.length];
    }

    /** One tag per token, as the model names them (joined tags such as {@code PRON+AUX} included). */
    String[] tag(String[] tokens) {
        String[] tags = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String[] prior = Arrays.copyOf(tags, i);
            score(contexts.getContext(i, tokens, prior, null));
            tags[i] = best(i, tokens, prior);
        }
        return tags;
    }

    private void score(String[] features) {
        Arrays.fill(sums, 0);
        for (String feature : features) {
            Context c = weights.get(feature);
            if (c != null) {
                int[] outs = c.getOutcomes();
                double[] params = c.getParameters();
                for (int j = 0; j < outs.length; j++) {
                    sums[outs[j]] += params[j];
                }
            }
        }
    }

    /** The highest-scoring allowed tag; the highest of all should the dictionary allow none. */
    private String best(int i, String[] tokens, String[] prior) {
        int top = 0;
        for (int o = 1; o < sums.length; o++) {
            if (sums[o] > sums[top]) {
                top = o;
            }
        }
        if (validator.validSequence(i, tokens, prior, outcomes[top])) {
            return outcomes[top];
        }
        int allowed = -1;
        for (int o = 0; o < sums.length; o++) {
            if ((allowed < 0 || sums[o] > sums[allowed]) && validator.validSequence(i, tokens, prior, outcomes[o])) {
                allowed = o;
            }
        }
        return outcomes[allowed >= 0 ? allowed : top];
    }
}
