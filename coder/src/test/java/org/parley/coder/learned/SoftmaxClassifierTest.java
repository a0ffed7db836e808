package org.parley.coder.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftmaxClassifierTest {
    private static final List<String> LABELS = List.of("left", "right", "up");
    private static final List<float[]> XS = List.of(new float[]{-1, 0}, new float[]{-0.8f, 0.1f},
            new float[]{1, 0}, new float[]{0.9f, -0.1f}, new float[]{0, 1}, new float[]{0.1f, 0.9f});
    private static final int[] YS = {0, 0, 1, 1, 2, 2};

    @Test
    void learnsSeparableClassesAndGivesProbabilities() {
        SoftmaxClassifier m = SoftmaxClassifier.train(LABELS, XS, YS, 1e-4, 2.0, 300);
        double[] p = m.probabilities(new float[]{-0.9f, 0.05f});
        assertThat(p[0]).isGreaterThan(0.8);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PentaTrainer.argmax(m.probabilities(new float[]{0.05f, 0.95f}))).isEqualTo(2);
    }

    @Test
    void sameDataGiveTheSameModel() throws IOException {
        assertThat(text(SoftmaxClassifier.train(LABELS, XS, YS, 1e-4, 2.0, 50)))
                .isEqualTo(text(SoftmaxClassifier.train(LABELS, XS, YS, 1e-4, 2.0, 50)));
    }

    @Test
    void roundTripsThroughItsTextForm() throws IOException {
        SoftmaxClassifier m = SoftmaxClassifier.train(LABELS, XS, YS, 1e-4, 2.0, 100);
        SoftmaxClassifier back = SoftmaxClassifier.read(new BufferedReader(new StringReader(text(m))), "test");
        assertThat(back.labels()).isEqualTo(LABELS);
        assertThat(back.probabilities(XS.get(3))[1]).isCloseTo(m.probabilities(XS.get(3))[1],
                org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void aBadLineIsNamed() {
        String bad = "# c\nleft\t0.1\t0.2\t0.3\nright\t0.1\tx\t0.3\n";
        assertThatThrownBy(() -> SoftmaxClassifier.read(new BufferedReader(new StringReader(bad)), "model.tsv"))
                .hasMessageContaining("model.tsv line 3");
    }

    @Test
    void aVectorOfTheWrongLengthIsRefused() {
        SoftmaxClassifier m = SoftmaxClassifier.train(LABELS, XS, YS, 1e-4, 2.0, 10);
        assertThatThrownBy(() -> m.probabilities(new float[]{1, 2, 3})).hasMessageContaining("expected 2 dimensions");
    }

    private static String text(SoftmaxClassifier m) throws IOException {
        StringWriter w = new StringWriter();
        m.write(w, "test model");
        return w.toString();
    }
}
