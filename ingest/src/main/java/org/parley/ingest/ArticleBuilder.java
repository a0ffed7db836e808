package org.parley.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.parley.common.Article;
import org.parley.common.Article.DateSource;
import org.parley.ingest.clean.ArticleCleaner;
import org.parley.ingest.clean.CleanedArticle;
import org.parley.ingest.date.DateFinder;
import org.parley.ingest.identity.ArticleIds;
import org.parley.ingest.source.Draft;

/**
 * Turns a draft into an article: cleans it, settles its date and gives it its id.
 *
 * <p>The date comes from, in order: the source's own metadata (page tags, JSON fields, feed item, sidecar file),
 * the text's dateline or latest full date in its opening paragraphs ({@link DateFinder}), the {@code --date}
 * flag, and the day of ingest (UTC). A file's modification time is not used: it says when a copy was saved.
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
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate date;
        DateSource dateSource;
        String dateFrom;
        Optional<DateFinder.Found> inText;
        if (draft.metadataDate() != null) {
            date = draft.metadataDate();
            dateSource = DateSource.METADATA;
            dateFrom = draft.dateFrom();
        } else if ((inText = DateFinder.find(clean.text(), today)).isPresent()) {
            date = inText.get().date();
            dateSource = DateSource.METADATA;
            dateFrom = inText.get().from();
        } else if (flagDate != null) {
            date = flagDate;
            dateSource = DateSource.FLAG;
            dateFrom = "option";
        } else {
            date = today;
            dateSource = DateSource.INGEST_TIME;
            dateFrom = "ingest-time";
        }
        String id = ArticleIds.of(clean.text());
        return new Built(new Article(id, clean.title(), clean.text(), date, dateSource, draft.url(), draft.source(),
                clean.translatedBy(), clean.originalLanguage(), id, clock.instant(), dateFrom), null);
    }
}
