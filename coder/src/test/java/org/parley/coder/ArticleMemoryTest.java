package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Actors named again later in an article, and actors placed by where they are. Sentences written for this test. */
class ArticleMemoryTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    private static List<String> tuples(String text) {
        return CODER.code(new CoderInput("t", text, DAY, null)).events().stream()
                .map(e -> e.source().code() + ">" + (e.target() == null ? "-" : e.target().code()) + ">" + e.root())
                .toList();
    }

    @Test
    void aPersonIntroducedWithCountryAndTitleIsFoundBySurnameLater() {
        assertThat(tuples("Norwegian Trade Minister Ola Berntsen arrived in Hanoi on Monday. "
                + "Berntsen then criticised Cambodia.")).contains("NOR>KHM>11");
        assertThat(tuples("Norwegian Trade Minister Ola Berntsen arrived in Hanoi on Monday. "
                + "Mr Berntsen then criticised Cambodia.")).contains("NOR>KHM>11");
    }

    @Test
    void aPersonTheDictionariesKnowIsFoundBySurnameLater() {
        assertThat(tuples("Polish Foreign Minister Radoslaw Sikorski arrived in Vilnius on Monday. "
                + "Sikorski later criticised Belarus.")).contains("POL>BLR>11");
        assertThat(tuples("Polish Foreign Minister Radoslaw Sikorski arrived in Vilnius on Monday. "
                + "Mr Sikorski later criticised Belarus.")).contains("POL>BLR>11");
    }

    @Test
    void theEmbassyIsTheIntroducedAmbassadorsAndTheTwoNeighboursThePair() {
        assertThat(tuples("The Chinese ambassador to Australia was summoned in Canberra on Tuesday. "
                + "The embassy later rejected the criticism.")).contains("CHN>->12");
        assertThat(tuples("Kenya criticised Uganda on Monday. The two neighbours have clashed over trade."))
                .contains("KEN>UGA>11", "UGA>KEN>11").noneMatch(t -> t.endsWith(">19"));
    }

    @Test
    void policeInACountrysCapitalAreItsAndCrowdControlIsRepression() {
        assertThat(tuples("Police in the Armenian capital fired tear gas at protesters.")).containsExactly("ARM>--->17");
        assertThat(tuples("Riot police in Nairobi dispersed opposition supporters with water cannon."))
                .containsExactly("KEN>->17");
    }

    @Test
    void ministersGatheredInACapitalAreNotItsState() {
        assertThat(tuples("Several foreign ministers in Nairobi denounced the pact between Ethiopia and Eritrea."))
                .noneMatch(t -> t.startsWith("KEN>"));
        assertThat(tuples("The government in Nairobi denounced the pact between Ethiopia and Eritrea."))
                .anyMatch(t -> t.startsWith("KEN>"));
    }

    @Test
    void aTitleAloneIsWhoeverTheArticleIntroducedWithIt() {
        assertThat(tuples("The Kenyan foreign minister arrived in Kampala. The foreign minister criticised Somalia."))
                .contains("KEN>SOM>11");
    }

    @Test
    void aTitleNeverIntroducedStaysUnresolved() {
        assertThat(tuples("The foreign minister criticised Somalia.")).isEmpty();
    }

    @Test
    void aSurnameOfAnotherArticleIsNotRemembered() {
        CODER.code(new CoderInput("a", "Norwegian Trade Minister Ola Berntsen arrived in Hanoi.", DAY, null));
        assertThat(tuples("Berntsen criticised Cambodia.")).isEmpty();
    }

    @Test
    void aTransliteratedSurnameFindsTheKnownPerson() {
        assertThat(tuples("Kaya Callas condemned Russia.")).containsExactly("EU>RUS>11");
    }

    @Test
    void policeInAPlaceBelongToItsCountry() {
        assertThat(tuples("Police in Nairobi arrested two Ugandan journalists.")).contains("KEN>UGA>17");
    }

    @Test
    void aTitleAfterAnIndefiniteArticleIsSomeOtherHolder() {
        String intro = "The Kenyan foreign minister arrived in Kampala on Monday. ";
        assertThat(tuples(intro + "A former foreign minister criticised Somalia.")).doesNotContain("KEN>SOM>11");
        assertThat(tuples(intro + "The foreign minister criticised Somalia.")).contains("KEN>SOM>11");
    }

    @Test
    void itAfterASpeakerIsTheSpeakerWhenAnAdverbialStandsBetween() {
        assertThat(tuples("Ghana said on Friday it had expelled two diplomats from Togo.")).contains("GHA>TGO>16");
        assertThat(tuples("Ghana said in a statement that it had expelled two diplomats from Togo."))
                .contains("GHA>TGO>16");
    }

    @Test
    void aForceNamedWithNationalOrRoyalIsItsCountrys() {
        assertThat(tuples("Pakistani troops fired on the Afghan National Army.")).contains("PAK>AFG>19");
    }

    @Test
    void thePresidentOfANamedStateIsATitleNotAPointerBack() {
        assertThat(tuples("Macron arrived in Berlin on Monday. The president of Kosovo met the Serbian prime minister."))
                .anyMatch(t -> t.startsWith("XKX>SRB>04")).noneMatch(t -> t.startsWith("FRA>SRB"));
    }

    @Test
    void hisCountryIsTheCountryOfTheOfficeHolderJustNamed() {
        assertThat(tuples("Kenya and Uganda held talks on Monday. The French defence minister said his country had "
                + "sent troops to Mali.")).anyMatch(t -> t.startsWith("FRA>MLI")).noneMatch(t -> t.startsWith("KEN>MLI"));
    }
}
