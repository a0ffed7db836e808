package org.parley.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.parley.common.Article;
import org.parley.common.Article.DateSource;
import org.parley.ingest.clean.ArticleCleaner;
import org.parley.ingest.clean.CleanedArticle;
import org.parley.ingest.identity.ArticleIds;
import org.parley.ingest.source.Draft;

/**
 * Turns a draft into an article: cleans it, settles its date and gives it its id.
 *
 * <p>The date comes from, in order: the source's own metadata, the {@code --date} flag, the file's
 * modification time (as a UTC date), and for standard input the day of ingest (UTC).
 */
final class ArticleBuilder {
    /** An article, or the reason there is none. */
    record Built(Article article, String refusal) {
    }

    private final ArticleCleaner cleaner = new ArticleCleaner();
    private final LocalDate flagDate;
    private final Clock clock;

    ArticleBuilder(LocalDate flagDate, Clock clock) {
        this.flagDate = flagDate;
        this.clock = clock;
    }

    Built build(Draft draft) {
        CleanedArticle clean = cleaner.clean(draft.title(), draft.body());
        if (clean.isEmpty()) {
            return new Built(null, "no article text left after removing page chrome and boilerplate");
        }
        LocalDate date;
        DateSource dateSource;
        if (draft.metadataDate() != null) {
            date = draft.metadataDate();
            dateSource = DateSource.METADATA;
        } else if (flagDate != null) {
            date = flagDate;
            dateSource = DateSource.FLAG;
        } else if (draft.fileTime() != null) {
            date = LocalDate.ofInstant(draft.fileTime(), ZoneOffset.UTC);
            dateSource = DateSource.FILE_TIME;
        } else {
            date = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            dateSource = DateSource.INGEST_TIME;
        }
        String id = ArticleIds.of(clean.text());
        return new Built(new Article(id, clean.title(), clean.text(), date, dateSource, draft.url(), draft.source(),
                clean.translatedBy(), clean.originalLanguage(), id, clock.instant()), null);
    }
}
