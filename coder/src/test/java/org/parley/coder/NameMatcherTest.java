package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NameMatcherTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);
    private final NameMatcher names = new NameMatcher(Lexicon.fromClasspath());

    @Test
    void transliteratedSurnamesFindTheirPerson() {
        assertThat(names.find("Callas", DAY)).extracting(Lexicon.Phrase::name).isEqualTo("Kaja Kallas");
        assertThat(names.find("Lecorny", DAY)).extracting(Lexicon.Phrase::name).isEqualTo("Sebastien Lecornu");
        assertThat(names.find("Zelenskiy", DAY)).isNotNull();
    }

    @Test
    void differentNamesAndLowerCaseWordsDoNot() {
        assertThat(names.find("Lucas", DAY)).isNull();
        assertThat(names.find("callas", DAY)).isNull();
        assertThat(names.find("Peter", DAY)).isNull();
        assertThat(names.find("Putney", DAY)).isNull();
    }

    @Test
    void aPersonOutOfOfficeIsNotFound() {
        assertThat(names.find("Callas", LocalDate.of(2010, 1, 1))).isNull();
    }

    @Test
    void skeletonFoldsWhatTransliterationsSwap() {
        assertThat(NameMatcher.skeleton("Kallas")).isEqualTo(NameMatcher.skeleton("Callas"));
        assertThat(NameMatcher.skeleton("Zelensky")).isEqualTo(NameMatcher.skeleton("Zelenskyy"));
        assertThat(NameMatcher.skeleton("Lavrov")).isNotEqualTo(NameMatcher.skeleton("Lvov"));
        assertThat(NameMatcher.distance("lecorny", "lecornu")).isEqualTo(1);
    }
}
