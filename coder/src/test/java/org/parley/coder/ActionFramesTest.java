package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the words around an action decide its code: a refused act is a rejection of its kind, a state's protest is a
 * formal complaint, a state's bombing is aerial, a reported speaker stays the subject of "it was willing to", an
 * institution "in" a capital is that capital's state, "to" joins only an adviser to whom he serves. Sentences
 * written for this test.
 */
class ActionFramesTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static List<String> tuples(String text) {
        return EventTuples.of(CODER.code(new CoderInput("t", text, DAY, null)).events());
    }

    @Test
    void aRefusedMeetingIsARejectedProposalToMeet() {
        assertThat(tuples("Moscow refused to negotiate with the government in Kyiv.")).containsExactly("RUS>UKR>125");
    }

    @Test
    void aRefusalOfNothingCodedNamesNoTargetAndGivesNoEvent() {
        assertThat(tuples("Brazil refuses to purchase the cars.")).isEmpty();
        assertThat(tuples("Brazil refused to sign the treaty with Argentina."))
                .anyMatch(t -> t.startsWith("BRA>ARG>12"));
    }

    @Test
    void refusalCodesFollowWhatWasRefused() {
        assertThat(Modality.refusalCode("046")).isEqualTo("125");
        assertThat(Modality.refusalCode("061")).isEqualTo("121");
        assertThat(Modality.refusalCode("073")).isEqualTo("122");
        assertThat(Modality.refusalCode("0841")).isEqualTo("1243");
        assertThat(Modality.refusalCode("085")).isEqualTo("1244");
        assertThat(Modality.refusalCode("087")).isEqualTo("1246");
        assertThat(Modality.refusalCode("051")).isEqualTo("120");
        assertThat(Modality.refusalCode("190")).isNull();
    }

    @Test
    void anInstitutionInACapitalIsThatCapitalsState() {
        assertThat(tuples("Russia criticised the government in Kyiv.")).containsExactly("RUS>UKR>111");
    }

    @Test
    void aReportedSpeakerIsItBeforeAPersonalPredicate() {
        assertThat(tuples("Japan said it was willing to resume talks with South Korea."))
                .anyMatch(t -> t.startsWith("JPN>KOR>03"));
        assertThat(tuples("Japan said it was important to resume talks with South Korea."))
                .noneMatch(t -> t.startsWith("JPN>"));
    }

    @Test
    void aStatesProtestToAnotherIsAFormalComplaint() {
        assertThat(tuples("Iran protested to Britain over the seizure of the tanker.")).contains("IRN>GBR>114");
        assertThat(tuples("China lodged a protest with Japan over the visit.")).contains("CHN>JPN>114");
        assertThat(tuples("Thousands protested to demand the release of the activists."))
                .noneMatch(t -> t.endsWith(">114"));
    }

    @Test
    void aStateBombingIsAerialAndACarBombingIsNot() {
        assertThat(tuples("Israeli aircraft bombed the Gaza Strip.")).contains("ISR>PSE>195");
        assertThat(tuples("Rebels bombed a market in Kenya.")).noneMatch(t -> t.endsWith(">195"));
    }

    @Test
    void toJoinsAnAdviserToHisPrincipalButNotCargoToItsBuyer() {
        assertThat(tuples("The United States sold fighter jets to Saudi Arabia.")).contains("USA>SAU>072");
        assertThat(tuples("An adviser to the Russian president criticised Ukraine.")).contains("RUS>UKR>111");
    }

    @Test
    void alertsWarshipsTradeAndReturnedPeople() {
        assertThat(tuples("India put its forces on high alert along the border with China."))
                .contains("IND>CHN>152");
        assertThat(tuples("The US navy sent warships to the coast of Venezuela.")).contains("USA>VEN>150");
        assertThat(tuples("China intends to expand trade with Russia.")).contains("CHN>RUS>0311");
        assertThat(tuples("Pakistan returned the captured Indian pilot.")).contains("PAK>IND>0841");
        assertThat(tuples("Turkey dropped its objection to Sweden joining NATO.")).contains("TUR>SWE>080");
    }

    @Test
    void countermeasuresPromisedThreatenAndTakenReduceRelations() {
        assertThat(tuples("Russia would take countermeasures against Finland.")).contains("RUS>FIN>130");
        assertThat(tuples("Russia took countermeasures against Finland.")).contains("RUS>FIN>160");
    }

    @Test
    void anAdjectiveMayStandBeforeTheCountryWhoseThingIsCriticised() {
        assertThat(tuples("Moscow slammed the new US sanctions as illegal.")).contains("RUS>USA>111");
    }

    @Test
    void creditsPostponementsSummitsAndTravel() {
        assertThat(tuples("India offered Bangladesh a new credit line.")).contains("IND>BGD>0331");
        assertThat(tuples("The US postponed talks with Russia on arms control.")).contains("USA>RUS>125");
        assertThat(tuples("Seoul and Washington held a summit at the White House."))
                .contains("KOR>USA>040", "USA>KOR>040");
        assertThat(tuples("The Japanese foreign minister will travel to China next week."))
                .anyMatch(t -> t.startsWith("JPN>CHN>04") || t.startsWith("JPN>CHN>036"));
    }

    @Test
    void freeOfChargeFreesNoOne() {
        assertThat(tuples("The Kenyan government made the vaccine free of charge for children.")).isEmpty();
    }

    @Test
    void anInstitutionIsFoundAgainByTheHeadOfItsTitle() {
        List<String> t = tuples("Iran's foreign ministry summoned the British ambassador on Wednesday. "
                + "The ministry protested against comments by a British minister.");
        assertThat(t).contains("IRN>GBR>114").noneMatch(x -> x.startsWith("GBR>"));
    }

    @Test
    void aGovernmentsRallyIsNoProtest() {
        assertThat(tuples("The Kenyan government held a rally in Nairobi.")).isEmpty();
    }

    @Test
    void partiesThatAgreeToActTogetherIntendItTowardsEachOther() {
        assertThat(tuples("Kenya and Ethiopia agreed to build a new road."))
                .contains("KEN>ETH>030", "ETH>KEN>030");
        assertThat(tuples("The Turkish president spoke with the Russian president on Monday."))
                .contains("TUR>RUS>040");
        assertThat(tuples("The Turkish president spoke to reporters on Monday.")).isEmpty();
    }

    @Test
    void aNounOfIntentFramesItsInfinitiveAndBoostingCooperationIsIntended() {
        assertThat(tuples("India expressed its intent to cooperate with Pakistan on the flood response."))
                .anyMatch(t -> t.startsWith("IND>PAK>03"));
        assertThat(tuples("Japan and Australia agreed to boost defence cooperation."))
                .contains("JPN>AUS>031", "AUS>JPN>031");
        assertThat(tuples("Beijing lashed out at London over the Hong Kong report.")).contains("CHN>GBR>111");
    }

    @Test
    void ratifyingIsOnePartysAct() {
        assertThat(tuples("Moldova ratified a trade treaty with the European Union last week."))
                .contains("MDA>EU>057").doesNotContain("EU>MDA>057");
    }

    @Test
    void anActionNounAfterAnAdjectiveIsNoActOfTheSentencesSubject() {
        assertThat(tuples("A judge in Peru ordered the arrest of three Chilean sailors wanted for the violent "
                + "killing of two Bolivian traders.")).noneMatch(t -> t.startsWith("PER>") && t.contains(">18"));
        assertThat(tuples("The rebels announced a deal with the government of Syria after Turkey began a military "
                + "offensive into Syria.")).contains("TUR>SYR>190");
    }

    @Test
    void anImportedVerbalPatternBetweenTwoActorsOfOneCountryIsNoEvent() {
        // PETRARCH's "send ... letter to" codes a consultation; a government writing to its own legislature is none
        assertThat(tuples("The United States government sent a letter to Congress.")).isEmpty();
        assertThat(tuples("The United States government sent a letter to Mexico.")).contains("USA>MEX>040");
    }

    @Test
    void aPossibleActWithoutAnIntentCodeIsNoEventButCouldOnlyIsDone() {
        assertThat(tuples("The Kenyan president said he may declare a state of emergency.")).isEmpty();
        assertThat(tuples("The Kenyan president declared a state of emergency.")).contains("KEN>->1724");
        assertThat(tuples("The German chancellor could only thank France for the offer."))
                .contains("DEU>FRA>051");
    }

    @Test
    void aCityBeforeAnIncidentAndACountryAfterACommaSayWhereNotWho() {
        assertThat(tuples("Last week a Kabul car bombing killed five people.")).noneMatch(t -> t.startsWith("AFG>"));
        assertThat(tuples("A small plane crashed in Ohio, US, killing four.")).noneMatch(t -> t.startsWith("USA>"));
        assertThat(tuples("A US airstrike killed four Syrian soldiers.")).anyMatch(t -> t.startsWith("USA>SYR>"));
    }

    @Test
    void wordsAboutAnActAnswerWhoeverActed() {
        assertThat(tuples("Chile criticised the Argentine sanctions on Bolivia.")).contains("CHL>ARG>111")
                .noneMatch(t -> t.startsWith("CHL>BOL"));
        assertThat(tuples("The Russian offensive in Georgia drew criticism from Estonia.")).contains("EST>RUS>111");
        assertThat(tuples("Spain welcomed Morocco's mediation between Mali and Niger.")).contains("ESP>MAR>051")
                .noneMatch(t -> t.endsWith(">043"));
    }
}
