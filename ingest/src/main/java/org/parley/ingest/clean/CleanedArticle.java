package org.parley.ingest.clean;

/**
 * An article after cleaning.
 *
 * @param title            the headline, or null when there is none
 * @param text             the paragraphs, separated by blank lines; empty when nothing was left
 * @param translatedBy     the machine-translation service credited, or null
 * @param originalLanguage ISO 639-1 code of the language it was translated from, where that can be told, or null
 */
public record CleanedArticle(String title, String text, String translatedBy, String originalLanguage) {
    public boolean isEmpty() {
        return text.isBlank();
    }
}
