package org.parley.ingest.clean;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lines that are page furniture wherever they stand: navigation and player labels, advertising markers,
 * share and subscribe prompts, cookie banners, bylines, copyright notices. These are general web-page labels,
 * in English and a few common Russian ones, not the lines of any one page.
 */
final class Boilerplate {
    /** Longest line (in words) the patterns below are tried on: real sentences are longer. */
    static final int MAX_WORDS = 15;

    /** Whole lines, compared lower-cased, without surrounding punctuation. */
    private static final Set<String> LABELS = Set.of(
            // navigation
            "skip to main content", "skip to content", "skip to navigation", "skip navigation", "jump to content",
            "main menu", "menu", "navigation", "toggle navigation", "search", "home", "back to top", "top",
            "next", "previous", "next article", "previous article", "more", "close", "open",
            "article", "news", "latest news", "top stories",
            "most read", "most popular", "popular", "trending", "recommended", "related", "related articles",
            "related stories", "related news", "see also", "read more", "read also", "more on this topic",
            // advertising
            "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "promoted", "partner content",
            // players and widgets
            "live", "live broadcast", "live stream", "live tv", "watch live", "on air", "listen",
            "listen to this article", "play", "pause", "video", "photo", "photos", "gallery", "audio", "slide",
            "font size", "text size", "print", "email", "e-mail", "copy link",
            "link copied", "share", "share this", "share this article", "comments", "comment", "add comment",
            "loading", "tags", "topics",
            // accounts and consent
            "subscribe", "sign in", "sign up", "log in", "login", "register", "log out", "newsletter",
            "accept", "accept all", "reject all", "manage cookies", "cookie settings", "privacy policy",
            "terms of use", "terms of service", "contact us", "about us", "follow us",
            // common Russian page labels
            "реклама", "главное", "читайте также", "смотрите также", "поделиться", "подписаться",
            "прямой эфир", "новости");

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Line patterns, tried only on short lines. */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("^(share|follow us|find us|join us|like us)\\b.*\\b(on|via)\\b.*", FLAGS),
            Pattern.compile("^(read|see) (more|also)\\b.*", FLAGS),
            Pattern.compile("^(sign up|subscribe|register)\\b.*\\b(newsletter|updates|alerts|free|now|today)\\b.*",
                    FLAGS),
            Pattern.compile("^(©|\\(c\\)|copyright\\b).*", FLAGS),
            Pattern.compile(".*\\ball rights reserved\\b.*", FLAGS),
            Pattern.compile("^(photo|image|video|caption|illustration|pictured|фото|видео)\\s*:.*", FLAGS),
            Pattern.compile(".*\\bcookies?\\b.*\\b(accept|consent|use|policy|settings)\\b.*", FLAGS),
            Pattern.compile("^(updated|published|posted|last updated|обновлено|опубликовано)\\b.*\\d.*", FLAGS),
            Pattern.compile("^(\\d+|one|two|three|four|five)[ -]min(ute)?s?( read| to read)?$", FLAGS),
            Pattern.compile("^reading time\\b.*", FLAGS),
            // screen-reader landmarks: "Beginning of the article", "End of story"
            Pattern.compile("^(beginning|start|end|top|bottom) of (the )?(article|story|content|main content|page|text)$",
                    FLAGS),
            Pattern.compile("^(advertisement|реклама)\\b.{0,40}$", FLAGS),
            Pattern.compile("^(tags|topics|filed under|теги)\\s*:.*", FLAGS));

    /** A byline: "By Jane Doe and John Roe", without sentence punctuation. */
    private static final Pattern BYLINE = Pattern.compile("^[Bb]y\\s+\\p{Lu}[^.!?]*$");

    private Boilerplate() {
    }

    /** Most words of any label: a line with more words that hold a letter cannot be one. */
    private static final int MAX_LABEL_WORDS = LABELS.stream().mapToInt(l -> l.split(" ").length).max().orElse(0);

    static boolean isBoilerplate(String line) {
        int words = Cleaning.wordsUpTo(line, MAX_WORDS + 1);
        if (words > MAX_WORDS && letterWords(line, MAX_LABEL_WORDS + 1) > MAX_LABEL_WORDS) {
            // The common case, a paragraph of text: no label and no pattern can match (the patterns are only
            // tried up to MAX_WORDS words), so skip building the label key.
            return false;
        }
        String key = labelKey(line);
        if (LABELS.contains(key)) {
            return true;
        }
        if (words > MAX_WORDS) {
            return false;
        }
        for (Pattern p : PATTERNS) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return words <= 8 && BYLINE.matcher(line).matches();
    }

    /** Whitespace-separated words that hold at least one letter, counted up to {@code cap}. */
    private static int letterWords(String line, int cap) {
        int count = 0;
        boolean inWord = false;
        boolean counted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                inWord = false;
                counted = false;
                continue;
            }
            inWord = true;
            if (!counted && Character.isLetter(c)) {
                if (++count >= cap) {
                    return cap;
                }
                counted = true;
            }
        }
        return count;
    }

    /** Lower-cased, surrounding punctuation, arrows and bullets removed, inner spaces collapsed. */
    static String labelKey(String line) {
        String s = line.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0]+", " ");
        return s.replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$", "");
    }
}
