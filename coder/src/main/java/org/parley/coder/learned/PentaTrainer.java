package org.parley.coder.learned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the learned second opinion: sentence embeddings to ConfliBERT's five classes, from JSONL records with
 * {@code "text"} and {@code "penta"} (the shape of ../shared/eval/news-quad-dev.jsonl). Reports k-fold
 * cross-validated figures, so that the number quoted for the shipped model is one measured on sentences it was
 * not trained on.
 */
public final class PentaTrainer {
    /** Settings measured by cross-validation on the dev set (docs/coder.md); stronger L2 lost accuracy. */
    public static final double L2 = 1e-4;
    public static final double RATE = 2.0;
    public static final int ITERATIONS = 500;

    private PentaTrainer() {
    }

    /** One labelled sentence. */
    public record Labelled(String id, String text, int penta) {
    }

    /** Cross-validated figures: five-way accuracy, and coop-versus-conflict agreement on the non-statements. */
    public record Report(int sentences, int folds, double accuracy, double directionAgreement) {
        public String line() {
            return String.format(java.util.Locale.ROOT,
                    "%d sentences, %d-fold cross-validation: five-way accuracy %.3f, direction agreement %.3f",
                    sentences, folds, accuracy, directionAgreement);
        }
    }

    public record Trained(SoftmaxClassifier model, Report report) {
    }

    /** The fold a record belongs to: a function of its id, so that the evaluator can rebuild the same folds. */
    public static int foldOf(String id, int folds) {
        return Math.floorMod(id.hashCode(), folds);
    }

    public static List<Labelled> read(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(jsonl)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode r = json.readTree(line);
            int penta = r.path("penta").asInt(-1);
            if (penta < 0 || penta > 4 || !r.hasNonNull("text")) {
                throw new IOException(jsonl + " line " + n + ": needs \"text\" and \"penta\" 0-4");
            }
            out.add(new Labelled(r.path("id").asText("line-" + n), r.get("text").asText(), penta));
        }
        return out;
    }

    /** Embeds every sentence once, cross-validates with {@code folds} folds, then trains on all of them. */
    public static Trained train(List<Labelled> data, SentenceEmbedder embedder, int folds) {
        return train(data, embedAll(data, embedder), folds);
    }

    private static List<float[]> embedAll(List<Labelled> data, SentenceEmbedder embedder) {
        List<float[]> xs = new ArrayList<>();
        for (Labelled l : data) {
            xs.add(embedder.embed(l.text()));
        }
        return xs;
    }

    static Trained train(List<Labelled> data, List<float[]> xs, int folds) {
        int right = 0;
        int directed = 0;
        int directionRight = 0;
        for (int f = 0; f < folds; f++) {
            SoftmaxClassifier m = fit(data, xs, f, folds);
            for (int i = 0; i < data.size(); i++) {
                if (foldOf(data.get(i).id(), folds) != f) {
                    continue;
                }
                double[] p = m.probabilities(xs.get(i));
                Penta gold = Penta.values()[data.get(i).penta()];
                right += argmax(p) == gold.ordinal() ? 1 : 0;
                if (gold != Penta.STATEMENT) {
                    directed++;
                    boolean saysCoop = p[1] + p[2] > p[3] + p[4];
                    directionRight += saysCoop == gold.cooperation() ? 1 : 0;
                }
            }
        }
        Report report = new Report(data.size(), folds, (double) right / data.size(),
                directed == 0 ? 0 : (double) directionRight / directed);
        return new Trained(fit(data, xs, -1, folds), report);
    }

    /** A model trained on every record outside fold {@code leftOut} (-1: on all). */
    static SoftmaxClassifier fit(List<Labelled> data, List<float[]> xs, int leftOut, int folds) {
        List<float[]> train = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (leftOut < 0 || foldOf(data.get(i).id(), folds) != leftOut) {
                train.add(xs.get(i));
                ys.add(data.get(i).penta());
            }
        }
        return SoftmaxClassifier.train(Penta.LABELS, train, ys.stream().mapToInt(Integer::intValue).toArray(),
                L2, RATE, ITERATIONS);
    }

    /** Models for each fold, trained without it: the evaluator codes each record with the model that never saw it. */
    public static List<SoftmaxClassifier> foldModels(List<Labelled> data, SentenceEmbedder embedder, int folds) {
        List<float[]> xs = embedAll(data, embedder);
        List<SoftmaxClassifier> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            out.add(fit(data, xs, f, folds));
        }
        return out;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
