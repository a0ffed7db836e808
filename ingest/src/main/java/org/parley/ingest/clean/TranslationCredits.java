package org.parley.ingest.clean;

import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises machine-translation credits such as "Translated by Yandex Translator" or
 * "Переведено сервисом «Яндекс Переводчик»", in English and in the languages such sites credit in.
 *
 * <p>A credit names a service and uses a word for translating. The original language comes from the credit
 * when it states it ("translated from Russian"); otherwise from the credit's own language, when that differs
 * from the article's: a Russian credit under an English text means the Russian site translated its own
 * Russian article.
 */
final class TranslationCredits {
    /** Credits are short lines; a longer line that mentions a translator is article text. */
    static final int MAX_WORDS = 12;

    record Credit(String service, String originalLanguage) {
    }

    private record Service(String name, Pattern pattern) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Service> SERVICES = List.of(
            new Service("Yandex Translator", Pattern.compile("yandex|яндекс", FLAGS)),
            new Service("Google Translate", Pattern.compile("google|гугл", FLAGS)),
            new Service("DeepL", Pattern.compile("\\bdeepl\\b", FLAGS)),
            new Service("Microsoft Translator", Pattern.compile("\\bbing\\b|microsoft", FLAGS)));

    /** A word for translating, and the language that word is in. */
    private static final List<Map.Entry<Pattern, String>> TRANSLATE_VERBS = List.of(
            Map.entry(Pattern.compile("\\btranslat", FLAGS), "en"),
            Map.entry(Pattern.compile("переве|перевод", FLAGS), "ru"),
            Map.entry(Pattern.compile("переклад", FLAGS), "uk"),
            Map.entry(Pattern.compile("übersetz", FLAGS), "de"),
            Map.entry(Pattern.compile("\\btradu(it|ction)", FLAGS), "fr"),
            Map.entry(Pattern.compile("\\btraduc(ido|ción|cion)", FLAGS), "es"),
            Map.entry(Pattern.compile("\\btradott", FLAGS), "it"),
            Map.entry(Pattern.compile("tłumacz", FLAGS), "pl"),
            Map.entry(Pattern.compile("çevir", FLAGS), "tr"));

    private static final Pattern STATED_SOURCE = Pattern.compile("(?<!\\p{L})(?:from|с|з)\\s+(\\p{L}+)", FLAGS);

    private static final Map<String, String> LANGUAGE_NAMES = Map.ofEntries(
            Map.entry("russian", "ru"), Map.entry("русского", "ru"), Map.entry("російської", "ru"),
            Map.entry("ukrainian", "uk"), Map.entry("украинского", "uk"), Map.entry("української", "uk"),
            Map.entry("english", "en"), Map.entry("английского", "en"), Map.entry("англійської", "en"),
            Map.entry("german", "de"), Map.entry("немецкого", "de"),
            Map.entry("french", "fr"), Map.entry("французского", "fr"),
            Map.entry("spanish", "es"), Map.entry("испанского", "es"),
            Map.entry("italian", "it"), Map.entry("итальянского", "it"),
            Map.entry("portuguese", "pt"), Map.entry("polish", "pl"), Map.entry("польского", "pl"),
            Map.entry("chinese", "zh"), Map.entry("китайского", "zh"),
            Map.entry("japanese", "ja"), Map.entry("korean", "ko"),
            Map.entry("arabic", "ar"), Map.entry("арабского", "ar"),
            Map.entry("turkish", "tr"), Map.entry("турецкого", "tr"),
            Map.entry("persian", "fa"), Map.entry("farsi", "fa"), Map.entry("hebrew", "he"),
            Map.entry("greek", "el"), Map.entry("belarusian", "be"), Map.entry("serbian", "sr"),
            Map.entry("bulgarian", "bg"));

    private TranslationCredits() {
    }

    /**
     * The credit in this line, if it is one.
     *
     * @param articleScript the script most of the article is in, or null
     * @param articleEnglish whether the article reads as English
     */
    static Optional<Credit> find(String line, UnicodeScript articleScript, boolean articleEnglish) {
        if (Cleaning.wordsUpTo(line, MAX_WORDS + 1) > MAX_WORDS) {
            return Optional.empty();
        }
        String creditLanguage = null;
        for (Map.Entry<Pattern, String> verb : TRANSLATE_VERBS) {
            if (verb.getKey().matcher(line).find()) {
                creditLanguage = verb.getValue();
                break;
            }
        }
        if (creditLanguage == null) {
            return Optional.empty();
        }
        for (Service s : SERVICES) {
            if (s.pattern().matcher(line).find()) {
                return Optional.of(new Credit(s.name(), originalLanguage(line, creditLanguage, articleScript,
                        articleEnglish)));
            }
        }
        return Optional.empty();
    }

    private static String originalLanguage(String line, String creditLanguage, UnicodeScript articleScript,
                                           boolean articleEnglish) {
        Matcher m = STATED_SOURCE.matcher(line);
        while (m.find()) {
            String code = LANGUAGE_NAMES.get(m.group(1).toLowerCase(Locale.ROOT));
            if (code != null) {
                return code;
            }
        }
        if ("ru".equals(creditLanguage) && line.matches("(?s).*[іїєґІЇЄҐ].*")) {
            creditLanguage = "uk";
        }
        if (articleEnglish) {
            return "en".equals(creditLanguage) ? null : creditLanguage;
        }
        if (articleScript != null && Scripts.scriptOfLanguage(creditLanguage) != articleScript) {
            return creditLanguage;
        }
        return null;
    }
}
