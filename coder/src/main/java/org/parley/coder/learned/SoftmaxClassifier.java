package org.parley.coder.learned;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Multinomial logistic regression over fixed-length vectors: small enough to ship as a text resource and to
 * read in a review. Trained by full-batch gradient descent from zero weights, so the same data give the same model.
 */
public final class SoftmaxClassifier {
    private final List<String> labels;
    /** weights[c][d] for class c and dimension d; the last column is the bias. */
    private final double[][] weights;

    SoftmaxClassifier(List<String> labels, double[][] weights) {
        this.labels = List.copyOf(labels);
        this.weights = weights;
    }

    public List<String> labels() {
        return labels;
    }

    public int dimensions() {
        return weights[0].length - 1;
    }

    /** Class probabilities for {@code x}, in the order of {@link #labels()}. */
    public double[] probabilities(float[] x) {
        if (x.length != dimensions()) {
            throw new IllegalArgumentException("expected " + dimensions() + " dimensions, got " + x.length);
        }
        double[] z = new double[weights.length];
        for (int c = 0; c < z.length; c++) {
            double[] w = weights[c];
            double s = w[w.length - 1];
            for (int d = 0; d < x.length; d++) {
                s += w[d] * x[d];
            }
            z[c] = s;
        }
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /**
     * Fits the classifier to {@code xs} with classes {@code ys} (indexes into {@code labels}): {@code iterations}
     * gradient steps of size {@code rate} on the mean cross-entropy plus {@code l2} times the squared weights.
     */
    public static SoftmaxClassifier train(List<String> labels, List<float[]> xs, int[] ys, double l2, double rate,
                                          int iterations) {
        if (xs.isEmpty() || xs.size() != ys.length) {
            throw new IllegalArgumentException("need one class per vector and at least one vector");
        }
        int k = labels.size();
        int dims = xs.get(0).length;
        double[][] w = new double[k][dims + 1];
        double[][] grad = new double[k][dims + 1];
        SoftmaxClassifier model = new SoftmaxClassifier(labels, w);
        for (int it = 0; it < iterations; it++) {
            for (double[] g : grad) {
                java.util.Arrays.fill(g, 0);
            }
            for (int i = 0; i < xs.size(); i++) {
                float[] x = xs.get(i);
                double[] p = model.probabilities(x);
                for (int c = 0; c < k; c++) {
                    double err = p[c] - (ys[i] == c ? 1 : 0);
                    double[] g = grad[c];
                    for (int d = 0; d < dims; d++) {
                        g[d] += err * x[d];
                    }
                    g[dims] += err;
                }
            }
            for (int c = 0; c < k; c++) {
                for (int d = 0; d <= dims; d++) {
                    w[c][d] -= rate * (grad[c][d] / xs.size() + (d < dims ? l2 * w[c][d] : 0));
                }
            }
        }
        return model;
    }

    /** Writes the model as text: {@code #} comment lines, then one line per class: label, bias, weights. */
    public void write(Writer out, String comment) throws IOException {
        for (String line : comment.split("\n")) {
            out.write("# " + line + "\n");
        }
        for (int c = 0; c < labels.size(); c++) {
            StringBuilder sb = new StringBuilder(labels.get(c));
            double[] w = weights[c];
            sb.append('\t').append(format(w[w.length - 1]));
            for (int d = 0; d < w.length - 1; d++) {
                sb.append('\t').append(format(w[d]));
            }
            out.write(sb.append('\n').toString());
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Reads what {@link #write} wrote. Throws naming the line that is wrong. */
    public static SoftmaxClassifier read(BufferedReader in, String source) throws IOException {
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3 || (!rows.isEmpty() && f.length != rows.get(0).length + 1)) {
                throw new IOException(source + " line " + n + ": expected a label, a bias and the weights");
            }
            double[] w = new double[f.length - 1];
            try {
                for (int d = 2; d < f.length; d++) {
                    w[d - 2] = Double.parseDouble(f[d]);
                }
                w[w.length - 1] = Double.parseDouble(f[1]);
            } catch (NumberFormatException e) {
                throw new IOException(source + " line " + n + ": not a number: " + e.getMessage());
            }
            labels.add(f[0]);
            rows.add(w);
        }
        if (rows.size() < 2) {
            throw new IOException(source + ": a classifier needs at least two classes");
        }
        return new SoftmaxClassifier(labels, rows.toArray(double[][]::new));
    }
}
