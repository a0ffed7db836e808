package org.parley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.parley.common.Article;
import org.parley.common.Article.DateSource;
import org.parley.ingest.identity.ArticleIds;
import org.parley.ingest.source.Draft;
import org.parley.ingest.source.Format;

class ArticleBuilderTest {
    private static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate META = LocalDate.of(2025, 2, 27);
    private static final LocalDate FLAG = LocalDate.of(2025, 3, 1);
    private static final Instant FILE_TIME = Instant.parse("2025-03-05T23:59:00Z");
    private static final String BODY = "Advertisement\n\nThe foreign ministers met in Geneva on Tuesday and agreed to"
            + " resume talks.\n\nTranslated by Google Translate";

    private static Draft draft(LocalDate metadataDate, Instant fileTime) {
        return new Draft("in.txt", Format.TXT, null, BODY, metadataDate, "https://x.example/a", "X", fileTime);
    }

    @Test
    void articleIsCleanedIdentifiedAndStamped() {
        Article a = new ArticleBuilder(null, CLOCK).build(draft(META, FILE_TIME)).article();

        assertThat(a.text()).isEqualTo("The foreign ministers met in Geneva on Tuesday and agreed to resume talks.");
        assertThat(a.id()).isEqualTo(ArticleIds.of(a.text()));
        assertThat(a.clusterId()).isEqualTo(a.id());
        assertThat(a.translatedBy()).isEqualTo("Google Translate");
        assertThat(a.url()).isEqualTo("https://x.example/a");
        assertThat(a.source()).isEqualTo("X");
        assertThat(a.ingestedAt()).isEqualTo(NOW);
    }

    @Test
    void dateComesFromMetadataThenFlagThenFileTimeThenIngestTime() {
        assertThat(new ArticleBuilder(FLAG, CLOCK).build(draft(META, FILE_TIME)).article())
                .extracting(Article::date, Article::dateSource).containsExactly(META, DateSource.METADATA);
        assertThat(new ArticleBuilder(FLAG, CLOCK).build(draft(null, FILE_TIME)).article())
                .extracting(Article::date, Article::dateSource).containsExactly(FLAG, DateSource.FLAG);
        assertThat(new ArticleBuilder(null, CLOCK).build(draft(null, FILE_TIME)).article())
                .extracting(Article::date, Article::dateSource)
                .containsExactly(LocalDate.of(2025, 3, 5), DateSource.FILE_TIME);
        assertThat(new ArticleBuilder(null, CLOCK).build(draft(null, null)).article())
                .extracting(Article::date, Article::dateSource)
                .containsExactly(LocalDate.of(2025, 3, 10), DateSource.INGEST_TIME);
    }

    @Test
    void draftWithNothingButChromeIsRefused() {
        Draft chrome = new Draft("chrome.html", Format.HTML, "Menu", "Skip to content\n\nSearch\n\nAdvertisement",
                null, null, null, FILE_TIME);

        ArticleBuilder.Built built = new ArticleBuilder(null, CLOCK).build(chrome);

        assertThat(built.article()).isNull();
        assertThat(built.refusal()).contains("no article text left");
    }
}
