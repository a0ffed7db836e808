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
 * @param dateSource      where {@link #date} came from, coarsely: the article itself, the flag, or ingest time
 * @param url             where the article was found, or null
 * @param source          publisher or feed name, or null
 * @param translatedBy    machine-translation service credited in the text, or null
 * @param originalLanguage language the article was translated from, where stated, or null
 * @param clusterId       id of the near-duplicate (wire copy) cluster; equals {@link #id} for the first copy
 * @param ingestedAt      when ingest published it; the start of end-to-end latency
 * @param dateFrom        where {@link #date} came from, precisely: {@code html-meta}, {@code json-ld},
 *                        {@code time-tag}, {@code json}, {@code feed}, {@code sidecar}, {@code dateline},
 *                        {@code text}, {@code option} or {@code ingest-time}. Optional: records written before it
 *                        existed read with the name of their {@link #dateSource} ({@code metadata},
 *                        {@code option}, {@code file-time}, {@code ingest-time})
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
        Instant ingestedAt,
        String dateFrom) {

    /**
     * Where an article's publication date came from, most trusted first. {@code METADATA} is the article itself:
     * its page, its fields, its sidecar file or its text ({@link #dateFrom} says which). {@code FILE_TIME} is no
     * longer written (a file's modification time says when it was saved, not published) but old records hold it.
     */
    public enum DateSource { METADATA, FLAG, FILE_TIME, INGEST_TIME }

    public Article {
        if (dateFrom == null && dateSource != null) {
            dateFrom = switch (dateSource) {
                case METADATA -> "metadata";
                case FLAG -> "option";
                case FILE_TIME -> "file-time";
                case INGEST_TIME -> "ingest-time";
            };
        }
    }

    /** An article whose {@link #dateFrom} is named after its {@link #dateSource}. */
    public Article(String id, String title, String text, LocalDate date, DateSource dateSource, String url,
                   String source, String translatedBy, String originalLanguage, String clusterId,
                   Instant ingestedAt) {
        this(id, title, text, date, dateSource, url, source, translatedBy, originalLanguage, clusterId, ingestedAt,
                null);
    }

    public Article withClusterId(String newClusterId) {
        return new Article(id, title, text, date, dateSource, url, source, translatedBy, originalLanguage,
                newClusterId, ingestedAt, dateFrom);
    }
}
