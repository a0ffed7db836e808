package org.parley.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ingest.identity.ArticleIds;

class SyntheticArticlesTest {
    @Test
    void theSameSeedGivesTheSameArticlesOfAboutTheAskedSize(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        long bytesA = new SyntheticArticles(42, 5000).writeJsonLines(a, 50);
        long bytesB = new SyntheticArticles(42, 5000).writeJsonLines(b, 50);
        assertThat(Files.readAllLines(a)).isEqualTo(Files.readAllLines(b)).hasSize(50);
        assertThat(bytesA).isEqualTo(bytesB).isBetween(50L * 5000, 50L * 5600);
        assertThat(Files.readAllLines(new SyntheticArticlesTest().write(dir, 43))).isNotEqualTo(Files.readAllLines(a));
    }

    @Test
    void everyArticleIsDifferent() {
        SyntheticArticles s = new SyntheticArticles(1, 5000);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            ids.add(ArticleIds.of(s.nextText()));
        }
        assertThat(ids).hasSize(300);
    }

    private Path write(Path dir, long seed) {
        Path p = dir.resolve("seed" + seed + ".jsonl");
        new SyntheticArticles(seed, 5000).writeJsonLines(p, 50);
        return p;
    }

}
