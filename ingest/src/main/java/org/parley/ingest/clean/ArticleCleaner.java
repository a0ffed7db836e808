package org.parley.ingest.clean;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Removes page chrome and boilerplate from an article's text, keeps its headline and paragraphs, and records
 * a machine-translation credit.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>A machine-translation credit line is removed and recorded ({@link TranslationCredits}).</li>
 *   <li>Known page labels and notices are removed wherever they stand ({@link Boilerplate}); so are lines
 *       without a single letter (bullets, counters, times).</li>
 *   <li>Short lines in another script than the article's (a Russian UI label on an English page) are removed.</li>
 *   <li>The lines before the first and after the last real paragraph (one of at least
 *       {@value #CONTENT_WORDS} words that ends a sentence) are where page chrome gathers: there, short lines
 *       that do not end a sentence (up to {@value #LABEL_WORDS} words) are removed as UI labels. Between the
 *       first and last paragraph, short lines are kept: they are subheadings.</li>
 *   <li>When the source gave no headline, the first line before the first paragraph that reads like one (no
 *       closing full stop, at most {@value #TITLE_WORDS} words) becomes the title.</li>
 * </ol>
 */
public final class ArticleCleaner {
    static final int CONTENT_WORDS = 8;
    static final int LABEL_WORDS = 3;
    static final int TITLE_WORDS = 30;
    static final int FOREIGN_LABEL_WORDS = 12;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’»)]*(\\s|$)");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?…][\"'”’»)]*$");
    private static final Pattern TITLE_END_BAD = Pattern.compile(".*[.,:;]$");
    /** "added.British": a sentence run into the next one when a page was scraped. */
    private static final Pattern RUN_ON = Pattern.compile("(\\p{Ll}{2,}[.!?][\"”»]?)(\\p{Lu}\\p{Ll})");

    public CleanedArticle clean(String title, String body) {
        List<String> lines = Cleaning.logicalLines(body == null ? "" : body);
        UnicodeScript script = Scripts.dominant(lines);
        boolean english = Scripts.looksEnglish(lines);

        String translatedBy = null;
        String originalLanguage = null;
        List<String> rest = new ArrayList<>(lines.size());
        for (String line : lines) {
            Optional<TranslationCredits.Credit> credit = TranslationCredits.find(line, script, english);
            if (credit.isPresent()) {
                if (translatedBy == null) {
                    translatedBy = credit.get().service();
                    originalLanguage = credit.get().originalLanguage();
                }
                continue;
            }
            rest.add(line);
        }

        int first = -1;
        int last = -1;
        for (int i = 0; i < rest.size(); i++) {
            if (isContent(rest.get(i))) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }

        List<String> kept = new ArrayList<>();
        int leading = 0;
        for (int i = 0; i < rest.size(); i++) {
            String line = rest.get(i);
            if (!Cleaning.hasLetter(line) || Boilerplate.isBoilerplate(line) || isForeignLabel(line, script)) {
                continue;
            }
            boolean chromeZone = first < 0 || i < first || i > last;
            if (chromeZone && isShortLabel(line)) {
                continue;
            }
            if (!kept.isEmpty() && kept.get(kept.size() - 1).equals(line)) {
                continue;
            }
            kept.add(line);
            if (first >= 0 && i < first) {
                leading++;
            }
        }

        String cleanTitle = title == null ? null : Cleaning.oneLine(title);
        if (cleanTitle != null && cleanTitle.isEmpty()) {
            cleanTitle = null;
        }
        if (cleanTitle == null) {
            for (int i = 0; i < leading; i++) {
                if (isHeadline(kept.get(i))) {
                    cleanTitle = kept.remove(i);
                    break;
                }
            }
        } else {
            for (int i = 0; i < Math.max(leading, Math.min(1, kept.size())); i++) {
                if (kept.get(i).equalsIgnoreCase(cleanTitle)) {
                    kept.remove(i);
                    break;
                }
            }
        }

        List<String> paragraphs = new ArrayList<>(kept.size());
        for (String line : kept) {
            paragraphs.add(mayRunOn(line) ? RUN_ON.matcher(line).replaceAll("$1 $2") : line);
        }
        return new CleanedArticle(cleanTitle, String.join("\n\n", paragraphs), translatedBy, originalLanguage);
    }

    /** Cheap test before {@link #RUN_ON}: some '.', '!' or '?' has a letter right after it (or after a quote). */
    private static boolean mayRunOn(String line) {
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                char next = line.charAt(i + 1);
                if (next == '"' || next == '”' || next == '»') {
                    next = i + 2 < line.length() ? line.charAt(i + 2) : ' ';
                }
                if (Character.isUpperCase(next)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isContent(String line) {
        return Cleaning.wordsUpTo(line, CONTENT_WORDS) >= CONTENT_WORDS && SENTENCE_END.matcher(line).find();
    }

    static boolean isShortLabel(String line) {
        return Cleaning.wordsUpTo(line, LABEL_WORDS + 1) <= LABEL_WORDS && !ENDS_SENTENCE.matcher(line).matches();
    }

    static boolean isHeadline(String line) {
        int words = Cleaning.wordsUpTo(line, TITLE_WORDS + 1);
        return words >= 2 && words <= TITLE_WORDS && line.length() <= 250 && !TITLE_END_BAD.matcher(line).matches()
                && (Character.isUpperCase(line.codePointAt(0)) || Character.isDigit(line.codePointAt(0))
                || "\"'“«‘".indexOf(line.charAt(0)) >= 0);
    }

    /** A short line in another script than the article's. */
    static boolean isForeignLabel(String line, UnicodeScript articleScript) {
        if (articleScript == null || Cleaning.wordsUpTo(line, FOREIGN_LABEL_WORDS + 1) > FOREIGN_LABEL_WORDS) {
            return false;
        }
        UnicodeScript own = Scripts.of(line);
        return own != null && own != articleScript && own != UnicodeScript.COMMON;
    }
}
