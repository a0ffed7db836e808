package org.parley.coder.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped learned model against one trained afresh from the dev set it came from ({@code ../shared/eval},
 * skipped without it): it must be current. Regenerate with {@code bin/parley learn ../shared/eval/news-quad-dev.jsonl}.
 */
class PentaTrainerTest {
    private static final Path DEV = Path.of(System.getProperty("parley.eval.dir", "../../shared/eval"))
            .resolve("news-quad-dev.jsonl");

    @Test
    void pentaClassesFollowConfliBertsGrouping() {
        assertThat(Penta.ofRoot(2)).isEqualTo(Penta.STATEMENT);
        assertThat(Penta.ofRoot(4)).isEqualTo(Penta.VERBAL_COOPERATION);
        assertThat(Penta.ofRoot(8)).isEqualTo(Penta.MATERIAL_COOPERATION);
        assertThat(Penta.ofRoot(16)).isEqualTo(Penta.VERBAL_CONFLICT);
        assertThat(Penta.ofRoot(14)).isEqualTo(Penta.MATERIAL_CONFLICT);
        assertThat(Penta.ofRoot(9)).isEqualTo(Penta.VERBAL_CONFLICT);
    }

    @Test
    void foldsAreAFunctionOfTheId() {
        assertThat(PentaTrainer.foldOf("cq-0001", 5)).isEqualTo(PentaTrainer.foldOf("cq-0001", 5))
                .isBetween(0, 4);
    }

    @Test
    void theShippedModelIsCurrent() throws Exception {
        assumeTrue(Files.isRegularFile(DEV), "dev set absent: " + DEV);
        List<PentaTrainer.Labelled> data = PentaTrainer.read(DEV);
        SentenceEmbedder embedder = SentenceEmbedder.miniLm();
        List<float[]> xs = new ArrayList<>();
        for (PentaTrainer.Labelled l : data) {
            xs.add(embedder.embed(l.text()));
        }
        SoftmaxClassifier fresh = PentaTrainer.fit(data, xs, -1, 5);
        SoftmaxClassifier shipped;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(PentaTrainerTest.class.getResourceAsStream(
                "/org/parley/coder/learned/penta-classifier.tsv"), StandardCharsets.UTF_8))) {
            shipped = SoftmaxClassifier.read(r, "penta-classifier.tsv");
        }
        int same = 0;
        for (float[] x : xs) {
            same += PentaTrainer.argmax(fresh.probabilities(x)) == PentaTrainer.argmax(shipped.probabilities(x)) ? 1 : 0;
        }
        assertThat((double) same / xs.size()).as("share of dev sentences on which the two models agree")
                .isGreaterThanOrEqualTo(0.99);
    }
}
