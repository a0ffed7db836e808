package org.parley.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleCleanerTest {
    private static final Path SEED = Path.of("../seeds/000_5d88cda59b529f56.txt");

    private final ArticleCleaner cleaner = new ArticleCleaner();

    private static final String BODY_1 = "The foreign ministers met in Geneva on Tuesday and agreed to resume "
            + "talks on a prisoner exchange next month.";
    private static final String BODY_2 = "Officials on both sides described the meeting as constructive, although "
            + "no joint statement was issued afterwards.";

    @Test
    void seedLosesItsPageChromeAndKeepsEveryParagraph() throws IOException {
        String raw = Files.readString(SEED, StandardCharsets.UTF_8);
        List<String> rawLines = raw.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();

        CleanedArticle clean = cleaner.clean(null, raw);
        List<String> paragraphs = Arrays.asList(clean.text().split("\n\n"));

        assertThat(clean.text())
                .doesNotContain("Skip to main content", "Advertisement", "Live broadcast", "Main slide",
                        "Select important", "Beginning of the article")
                .doesNotContainPattern("\\p{IsCyrillic}");
        // Every real paragraph survives, in order, and nothing else is added.
        List<String> realParagraphs = rawLines.stream().filter(ArticleCleaner::isContent).toList();
        assertThat(realParagraphs).hasSizeGreaterThan(10);
        assertThat(paragraphs.get(0)).isEqualTo(realParagraphs.get(0));
        assertThat(paragraphs.get(paragraphs.size() - 1)).isEqualTo(realParagraphs.get(realParagraphs.size() - 1));
        assertThat(paragraphs).containsSubsequence(realParagraphs.stream()
                .filter(p -> !p.matches("(?s).*\\p{Ll}{2}[.!?][\"”»]?\\p{Lu}\\p{Ll}.*")).toList());
        // Subheadings between paragraphs stay; no UI label (a short line without a full stop) is left outside them.
        assertThat(paragraphs.stream().filter(p -> p.split("\\s+").length <= 3)).isEmpty();
        assertThat(paragraphs).hasSize(rawLines.size() - 11);
        assertThat(clean.title()).isNull();
    }

    @Test
    void seedTranslatorCreditIsRecordedWithTheLanguageItIsWrittenIn() throws IOException {
        CleanedArticle clean = cleaner.clean(null, Files.readString(SEED, StandardCharsets.UTF_8));

        assertThat(clean.translatedBy()).isEqualTo("Yandex Translator");
        assertThat(clean.originalLanguage()).isEqualTo("ru");
        assertThat(clean.text()).doesNotContainIgnoringCase("yandex").doesNotContain("Яндекс");
    }

    @Test
    void firstHeadlineLikeLineBeforeTheTextBecomesTheTitle() {
        String raw = "Menu\nSearch\n\nMinisters Agree to Resume Prisoner Exchange Talks\n\nBy Jane Roe\n"
                + "Updated 3 March 2025 10:42\n\n" + BODY_1 + "\n\n" + BODY_2;

        CleanedArticle clean = cleaner.clean(null, raw);

        assertThat(clean.title()).isEqualTo("Ministers Agree to Resume Prisoner Exchange Talks");
        assertThat(clean.text()).isEqualTo(BODY_1 + "\n\n" + BODY_2);
    }

    @Test
    void aFirstLineThatIsASentenceIsNotATitle() {
        CleanedArticle clean = cleaner.clean(null, BODY_1 + "\n\n" + BODY_2);

        assertThat(clean.title()).isNull();
        assertThat(clean.text()).isEqualTo(BODY_1 + "\n\n" + BODY_2);
    }

    @Test
    void givenTitleIsKeptAndNotRepeatedInTheText() {
        CleanedArticle clean = cleaner.clean("  Talks  resume ", "Talks resume\n\n" + BODY_1);

        assertThat(clean.title()).isEqualTo("Talks resume");
        assertThat(clean.text()).isEqualTo(BODY_1);
    }

    @Test
    void subheadingsBetweenParagraphsAreKeptButKnownLabelsAreNot() {
        String raw = BODY_1 + "\n\nBackground\n\nAdvertisement\n\nShare on Facebook\n\n" + BODY_2
                + "\n\nRead more: Other ministers to meet\n\n© 2025 Example News. All rights reserved.\n\nComments";

        CleanedArticle clean = cleaner.clean(null, raw);

        assertThat(clean.text()).isEqualTo(BODY_1 + "\n\nBackground\n\n" + BODY_2);
    }

    @Test
    void shortLinesInAnotherScriptAreDroppedFromAnEnglishArticle() {
        String raw = "Поделиться новостью\n\n" + BODY_1 + "\n\nΚοινοποίηση\n\n" + BODY_2;

        assertThat(cleaner.clean(null, raw).text()).isEqualTo(BODY_1 + "\n\n" + BODY_2);
    }

    @Test
    void aRussianArticleKeepsItsRussianParagraphs() {
        String p1 = "Министры иностранных дел встретились во вторник в Женеве и договорились продолжить переговоры.";
        String p2 = "Представители обеих сторон назвали встречу конструктивной, хотя совместного заявления не было.";

        CleanedArticle clean = cleaner.clean(null, "Реклама\n\n" + p1 + "\n\nSkip to content\n\n" + p2);

        assertThat(clean.text()).isEqualTo(p1 + "\n\n" + p2);
        assertThat(clean.translatedBy()).isNull();
    }

    @Test
    void hardWrappedParagraphsAreJoinedButLabelBlocksAreNot() {
        String raw = "Home\nWorld\nPolitics\n\n"
                + "The foreign ministers met in Geneva on Tuesday and agreed to\n"
                + "resume talks on a prisoner exchange next month, officials said\n"
                + "after the meeting.\n";

        assertThat(cleaner.clean(null, raw).text()).isEqualTo("The foreign ministers met in Geneva on Tuesday and "
                + "agreed to resume talks on a prisoner exchange next month, officials said after the meeting.");
    }

    @Test
    void sentencesRunTogetherByScrapingAreSeparated() {
        String raw = "Officials said the talks would continue next week in Geneva, he added.British officials declined"
                + " to comment on the U.S. position.";

        assertThat(cleaner.clean(null, raw).text()).contains("he added. British officials").contains("the U.S. position");
    }

    @Test
    void onlyChromeLeavesNothing() {
        CleanedArticle clean = cleaner.clean(null, "Skip to main content\nMenu\nLive\n\nOn\nOff\n\n12:45\n|");

        assertThat(clean.isEmpty()).isTrue();
    }

    static Stream<Arguments> credits() {
        return Stream.of(
                Arguments.of("Translated by Yandex Translator", "Yandex Translator", null),
                Arguments.of("Переведено сервисом «Яндекс Переводчик»", "Yandex Translator", "ru"),
                Arguments.of("Translated from Russian by Yandex.Translate", "Yandex Translator", "ru"),
                Arguments.of("Translated with Google Translate", "Google Translate", null),
                Arguments.of("Переведено с помощью Google Переводчика", "Google Translate", "ru"),
                Arguments.of("Перекладено за допомогою Google Перекладача", "Google Translate", "uk"),
                Arguments.of("Translated with DeepL.com (free version)", "DeepL", null),
                Arguments.of("Übersetzt mit DeepL", "DeepL", "de"),
                Arguments.of("Machine translation: Translated from Turkish by Microsoft Translator",
                        "Microsoft Translator", "tr"));
    }

    @ParameterizedTest
    @MethodSource("credits")
    void machineTranslationCreditsAreRecordedAndRemoved(String credit, String service, String language) {
        CleanedArticle clean = cleaner.clean(null, BODY_1 + "\n\n" + BODY_2 + "\n\n" + credit);

        assertThat(clean.translatedBy()).isEqualTo(service);
        assertThat(clean.originalLanguage()).isEqualTo(language);
        assertThat(clean.text()).isEqualTo(BODY_1 + "\n\n" + BODY_2);
    }

    @Test
    void aSentenceAboutATranslatorIsTextNotACredit() {
        String sentence = "Researchers said that Google Translate was used by the delegation to read documents "
                + "prepared by the other side.";

        CleanedArticle clean = cleaner.clean(null, BODY_1 + "\n\n" + sentence);

        assertThat(clean.translatedBy()).isNull();
        assertThat(clean.text()).endsWith(sentence);
    }
}
