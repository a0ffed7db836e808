package org.parley.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One cleaned news article, as published on the articles topic (key: {@link #id}).
 *
 * @param id              hash of the normalised text, so re-ingesting the same article gives the same id
 * @param title           headline, or null when the source had none
 * @param text            cleaned body text: paragraphs separated by blank lines, page chrome removed
 * @param date            publication date that relative dates in the text resolve against
 * @param dateSource      where {@link #date} came from: metadata, flag or file-time
 * @param url             where the article was found, or null
 * @param source          publisher or feed name, or null
 * @param translatedBy    machine-translation service credited in the text, or null
 * @param originalLanguage language the article was translated from, where stated, or null
 * @param clusterId       id of the near-duplicate (wire copy) cluster; equals {@link #id} for the first copy
 * @param ingestedAt      when ingest published it; the start of end-to-end latency
 */
public record Article(
        String id,
        String title,
        String text,
        LocalDate date,
        DateSource dateSource,
        String url,
        String source,
        String translatedBy,
        String originalLanguage,
        String clusterId,
        Instant ingestedAt) {

    /** Where an article's publication date came from, most trusted first. */
    public enum DateSource { METADATA, FLAG, FILE_TIME, INGEST_TIME }

    public Article withClusterId(String newClusterId) {
        return new Article(id, title, text, date, dateSource, url, source, translatedBy, originalLanguage,
                newClusterId, ingestedAt);
    }
}
