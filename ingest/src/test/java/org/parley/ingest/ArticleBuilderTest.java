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
    void dateComesFromMetadataThenTextThenFlagThenIngestTimeNeverFileTime() {
        assertThat(new ArticleBuilder(FLAG, CLOCK).build(draft(META, FILE_TIME)).article())
                .extracting(Article::date, Article::dateSource, Article::dateFrom)
                .containsExactly(META, DateSource.METADATA, "metadata");
        Draft dateline = new Draft("in.txt", Format.TXT, null, "GENEVA, March 4 (Reuters) - The foreign ministers"
                + " met in Geneva on Tuesday and agreed to resume talks.", null, null, null, FILE_TIME);
        assertThat(new ArticleBuilder(FLAG, CLOCK).build(dateline).article())
                .extracting(Article::date, Article::dateSource, Article::dateFrom)
                .containsExactly(LocalDate.of(2025, 3, 4), DateSource.METADATA, "dateline");
        assertThat(new ArticleBuilder(FLAG, CLOCK).build(draft(null, FILE_TIME)).article())
                .extracting(Article::date, Article::dateSource, Article::dateFrom)
                .containsExactly(FLAG, DateSource.FLAG, "option");
        assertThat(new ArticleBuilder(null, CLOCK).build(draft(null, FILE_TIME)).article())
                .extracting(Article::date, Article::dateSource, Article::dateFrom)
                .containsExactly(LocalDate.of(2025, 3, 10), DateSource.INGEST_TIME, "ingest-time");
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
