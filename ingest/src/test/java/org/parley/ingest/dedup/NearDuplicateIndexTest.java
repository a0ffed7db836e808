package org.parley.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.ingest.clean.ArticleCleaner;

class NearDuplicateIndexTest {
    private static String seed;

    @BeforeAll
    static void readSeed() throws IOException {
        seed = new ArticleCleaner().clean(null,
                Files.readString(Path.of("../seeds/000_5d88cda59b529f56.txt"), StandardCharsets.UTF_8)).text();
    }

    /** A wire copy as another outlet runs it: a sentence cut, a few words changed, a line of its own added. */
    private static String editedCopy(String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
        paragraphs.remove(paragraphs.size() / 2);
        paragraphs.set(0, paragraphs.get(0).replaceFirst("\\bheld\\b", "conducted").replaceFirst("\\bsame\\b", "very same"));
        paragraphs.set(3, paragraphs.get(3).replace("Turkish", "Ankara's"));
        paragraphs.add("This story was updated with comment from the Kremlin.");
        return String.join("\n\n", paragraphs);
    }

    /** Unrelated prose on another subject, made from a fixed vocabulary with a fixed seed. */
    private static String unrelated(long randomSeed, int words) {
        String[] vocabulary = ("harvest rain farmers wheat prices market export season drought crop yield "
                + "tractor soil village cooperative storage grain weather forecast autumn field irrigation "
                + "the a of and in to was for on with").split(" ");
        Random random = new Random(randomSeed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 15 == 14 ? ". " : " ");
        }
        return sb.toString();
    }

    @Test
    void editedWireCopyJoinsTheClusterOfTheOriginal() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        String copy = editedCopy(seed);
        assertThat(copy).isNotEqualTo(seed);

        assertThat(index.clusterOf("original", seed)).isEqualTo("original");
        assertThat(index.clusterOf("copy", copy)).isEqualTo("original");
    }

    @Test
    void editedCopyIsFewBitsAwayWhileUnrelatedTextIsFar() {
        long original = SimHash.of(SimHash.words(seed));

        assertThat(SimHash.distance(original, SimHash.of(SimHash.words(editedCopy(seed)))))
                .isLessThanOrEqualTo(NearDuplicateIndex.DEFAULT_MAX_DISTANCE);
        assertThat(SimHash.distance(original, SimHash.of(SimHash.words(unrelated(1, 800)))))
                .isGreaterThan(3 * NearDuplicateIndex.DEFAULT_MAX_DISTANCE);
    }

    @Test
    void unrelatedArticlesStartTheirOwnClusters() {
        NearDuplicateIndex index = new NearDuplicateIndex();

        assertThat(index.clusterOf("a", seed)).isEqualTo("a");
        assertThat(index.clusterOf("b", unrelated(1, 800))).isEqualTo("b");
        assertThat(index.clusterOf("c", unrelated(2, 800))).isEqualTo("c");
        assertThat(index.clusterOf("d", editedCopy(seed))).isEqualTo("a");
    }

    @Test
    void shortTextsAreNeverClustered() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        String text = "Russia and the United States held talks in Istanbul on Thursday.";

        assertThat(index.clusterOf("a", text)).isEqualTo("a");
        assertThat(index.clusterOf("b", text + " Officials said.")).isEqualTo("b");
    }

    @Test
    void keepsTheLatestFingerprintsOnlyAndAClusterThatKeepsGrowingKeepsItsId() {
        NearDuplicateIndex index = new NearDuplicateIndex(NearDuplicateIndex.DEFAULT_MAX_DISTANCE, 2);
        NearDuplicateIndex.Signature story = new NearDuplicateIndex.Signature(0x0F0F_0F0F_0F0F_0F0FL, false);
        NearDuplicateIndex.Signature copy = new NearDuplicateIndex.Signature(0x0F0F_0F0F_0F0F_0F0EL, false);
        NearDuplicateIndex.Signature other1 = new NearDuplicateIndex.Signature(0x7777_0000_FFFF_1234L, false);
        NearDuplicateIndex.Signature other2 = new NearDuplicateIndex.Signature(0x1234_5678_9ABC_DEF0L, false);

        assertThat(index.clusterOf("s1", story)).isEqualTo("s1");
        assertThat(index.clusterOf("o1", other1)).isEqualTo("o1");
        // The copy joins s1, and keeping it pushes out the first fingerprint...
        assertThat(index.clusterOf("c1", copy)).isEqualTo("s1");
        // ...yet the next copy still finds the cluster, through the copy kept under its id.
        assertThat(index.clusterOf("c2", copy)).isEqualTo("s1");
        assertThat(index.size()).isEqualTo(2);

        // Two unrelated articles later, nothing of the story is kept: its next copy starts a cluster.
        index.clusterOf("o2", other2);
        index.clusterOf("o3", other2);
        assertThat(index.clusterOf("c3", copy)).isEqualTo("c3");
        assertThat(index.size()).isEqualTo(2);
    }
}
