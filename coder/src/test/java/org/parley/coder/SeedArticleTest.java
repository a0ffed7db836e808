package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed article's headline events, found by the general rules. */
class SeedArticleTest {
    @Test
    void seedHeadlineEvents() throws Exception {
        Path seed = Path.of("../seeds/000_5d88cda59b529f56.txt");
        String text = Files.readString(seed);
        CodedArticle a = EventCoder.strictForTests()
                .code(new CoderInput("seed", text, LocalDate.of(2025, 2, 28), null));
        List<String> roots = a.events().stream()
                .map(e -> e.source().code() + ">" + (e.target() == null ? "-" : e.target().code()) + ">" + e.root())
                .toList();
        List<String> codes = a.events().stream()
                .map(e -> e.source().code() + ">" + (e.target() == null ? "-" : e.target().code()) + ">" + e.cameo())
                .toList();
        assertThat(roots).contains("RUS>USA>04", "USA>RUS>04");
        assertThat(codes).contains("USA>RUS>163");
        // the Kallas-Rubio meeting "did not take place"; Turkey "does not put pressure"
        assertThat(roots).doesNotContain("EU>USA>04", "USA>EU>04", "TUR>RUS>17");
        // boilerplate lines give no events
        assertThat(a.events()).noneMatch(e -> e.sentence().contains("Skip to main content"));
        assertThat(a.events()).allSatisfy(e -> assertThat(text.substring(e.span().start(), e.span().end()))
                .isEqualTo(e.sentence()));
    }
}
