package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a word does in its clause decides whether it is an act: a participle after a verb describes a noun, "helped"
 * before another verb gives no aid, "was blown up" is passive, "will attack" announces force (a threat), and
 * "they" after "A and B said" is both. Sentences written for this test.
 */
class WordFunctionTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static List<String> tuples(String text) {
        return EventTuples.of(CODER.code(new CoderInput("t", text, DAY, null)).events());
    }

    @Test
    void aParticipleAfterAVerbDescribesTheNounAfterIt() {
        assertThat(tuples("Kenya agreed to hold captured Somali militants.")).noneMatch(t -> t.contains(">17"));
        assertThat(tuples("Kenya has captured Somali militants near the border.")).contains("KEN>SOM>173");
    }

    @Test
    void helpingAnotherVerbIsNoAid() {
        assertThat(tuples("Norway helped negotiate a truce between Colombia and the rebels."))
                .noneMatch(t -> t.endsWith(">070"));
        assertThat(tuples("Norway helped Colombia with food and medicine.")).contains("NOR>COL>070");
    }

    @Test
    void blownUpIsPassive() {
        // the tanker was the one blown up: no Turkish bombing of Libya
        assertThat(tuples("A Turkish tanker was blown up off Libya by unknown attackers.")).isEmpty();
    }

    @Test
    void forceAnnouncedInTheFutureIsAThreat() {
        assertThat(tuples("Armenia said it will attack Azerbaijan.")).containsExactly("ARM>AZE>138");
        assertThat(tuples("Armenia attacked Azerbaijan.")).containsExactly("ARM>AZE>190");
    }

    @Test
    void theyAfterTwoSpeakersIsBoth() {
        assertThat(tuples("Serbia and Hungary said they would expel the Croatian envoys."))
                .contains("SRB>HRV>1311", "HUN>HRV>1311");
    }

    @Test
    void anActorWithItsOwnVerbAfterAndStartsANewClause() {
        List<String> got = tuples("Officials said Kenyan troops had defeated Somali militants and Ethiopia would be "
                + "moving into Somalia.");
        assertThat(got).contains("ETH>SOM>138").noneMatch(t -> t.startsWith("KEN>ETH"));
        // inside a noun phrase the pair stays whole, whatever verb follows it
        assertThat(tuples("The meeting between the delegations of Chile and Peru has ended in Lima."))
                .contains("CHL>PER>040", "PER>CHL>040");
    }

    @Test
    void aStandingTieIsNoAct() {
        assertThat(tuples("The Pakistani Taliban, which is linked to the Islamic State group, claimed the bombing."))
                .noneMatch(t -> t.contains(">06"));
        assertThat(tuples("Nigeria arrested militants allied with Niger.")).noneMatch(t -> t.contains(">05"));
    }

    @Test
    void itsAndTheirPointToTheActorBeforeThem() {
        assertThat(tuples("Iranian students have criticised their government's response to the crash."))
                .containsExactly("IRN>IRN>111");
        assertThat(tuples("Russia said its forces had shelled Ukrainian positions.")).containsExactly("RUS>UKR>194");
        // an article that named Japan last: "their government" is still the citizens' own
        assertThat(tuples("Japan sent aid to Peru. Chinese citizens criticised their government's response."))
                .contains("CHN>CHN>111").noneMatch(t -> t.startsWith("CHN>PER"));
    }

    @Test
    void anActWeighedIsNoAct() {
        assertThat(tuples("Mexico would consider charging the Guatemalan gunman with terrorism.")).isEmpty();
        assertThat(tuples("Mexico charged the Guatemalan gunman with terrorism.")).isNotEmpty();
    }

    @Test
    void aShipFlaggedOrOwnedByACountryIsThatCountrys() {
        assertThat(tuples("Iran seized a Liberian-flagged tanker in the Gulf.")).contains("IRN>LBR>171");
    }

    @Test
    void coordinatedPartiesAgreeWithEachOtherNotAlone() {
        assertThat(tuples("Japan and South Korea agreed to restore their military intelligence pact."))
                .containsExactlyInAnyOrder("JPN>KOR>030", "KOR>JPN>030");
    }

    @Test
    void aVotePassedIsTheActAndForeignForcesAreNobodysInParticular() {
        assertThat(tuples("The parliament of Chile voted to extend the state of emergency.")).containsExactly("CHL>->1724");
        assertThat(tuples("Afghanistan said the Taliban want foreign forces to leave."))
                .noneMatch(t -> t.startsWith("AFG>AFG"));
    }

    @Test
    void attackingAnInquiryIsWordsAndHelpingBrokerADealIsNoAid() {
        assertThat(tuples("Bolsonaro attacked the Senate investigation as a witch hunt.")).containsExactly("BRA>->111");
        assertThat(tuples("Qatar helped broker a deal between Israel and Hamas.")).noneMatch(t -> t.endsWith(">070"));
    }

    @Test
    void aCountrysStrikeThatKilledSomeoneIsThatCountrysAct() {
        assertThat(tuples("A Yemeni militant commander was killed in a Saudi air strike.")).containsExactly("SAU>YEM>195");
        assertThat(tuples("Two Armenian soldiers were wounded in Azerbaijani shelling.")).containsExactly("AZE>ARM>194");
        assertThat(tuples("Peru said a Chilean sailor was killed, without saying by whom.")).isEmpty();
    }

    @Test
    void callingSomethingANameIsNoCallForIt() {
        assertThat(tuples("Mexico called the American investigation a witch hunt.")).noneMatch(t -> t.endsWith(">1014"));
        assertThat(tuples("Mexico called for an international investigation.")).contains("MEX>->1014");
    }

    @Test
    void whatACountryIsBelievedToHaveDoneKeepsItsSubjectAndABeliefReportsAnother() {
        assertThat(tuples("Officials in Nairobi believe Ethiopian troops attacked Somalia."))
                .contains("ETH>SOM>190").noneMatch(t -> t.startsWith("KEN>SOM"));
        assertThat(tuples("Iran arrested ten people believed to have spied for Israel and summoned the Swiss envoy."))
                .anyMatch(t -> t.startsWith("IRN>CHE"));
    }

    @Test
    void providingSomeoneWithSomethingIsAid() {
        assertThat(tuples("Japan has provided the Vietnamese coast guard with six patrol boats.")).contains("JPN>VNM>070");
    }

    @Test
    void aBareWordAfterToWithAnObjectIsAnInfinitive() {
        // the tagger reads "to persuade" as a preposition and a noun
        assertThat(tuples("Kenyan President William Ruto came to persuade Uganda not to close the border."))
                .contains("KEN>UGA>020");
    }

    @Test
    void readyToHelpOrContributeIsAnIntentToCooperate() {
        assertThat(tuples("Japan is willing to help Vietnam rebuild the port.")).contains("JPN>VNM>030");
        assertThat(tuples("Russia is ready to contribute to the normalization of the situation in Mali."))
                .contains("RUS>MLI>030");
    }

    @Test
    void fightingAnIllIsNoForce() {
        assertThat(tuples("Canadian firefighters arrived in Australia to help fight the bushfires."))
                .noneMatch(t -> t.contains(">19"));
        assertThat(tuples("Nigeria pledged to fight corruption.")).isEmpty();
        assertThat(tuples("Kenyan troops fought Somali militants near the border.")).contains("KEN>SOM>190");
    }

    @Test
    void toldSomeoneToActIsAnAppealAndTheActIsNotDone() {
        assertThat(tuples("The Kenyan president told Uganda to reopen the border."))
                .contains("KEN>UGA>020").noneMatch(t -> t.startsWith("UGA"));
        // "told reporters that ...", "told the BBC he ..." report speech, as before
        assertThat(tuples("A Kenyan official told reporters that Uganda had attacked Kenyan troops."))
                .contains("UGA>KEN>190");
    }

    @Test
    void anEnvoySummonedByAMinistryIsSummonedByItsState() {
        assertThat(tuples("The Russian ambassador was summoned by the Polish foreign ministry."))
                .containsExactly("POL>RUS>114");
    }

    @Test
    void tryingInsideAnAimIsStillOnlyAnAim() {
        assertThat(tuples("Ghana aims to at least try to improve relations with Togo.")).containsExactly("GHA>TGO>032");
    }

    @Test
    void aWeatherAlertIsNoAlertOfForces() {
        assertThat(tuples("Ireland's meteorological service issued weather alerts as the storm approached Spain."))
                .isEmpty();
        assertThat(tuples("India put its troops on high alert along the border with Pakistan.")).isNotEmpty();
    }

    @Test
    void anImportedVerbAloneNeedsANamedPartyNotUnnamedPeople() {
        // "allows people to travel" is no concession (080) to anyone
        assertThat(tuples("The Kenyan government allows people to travel freely.")).isEmpty();
    }

    @Test
    void forcesAssaultOnATownIsForceNotTheAssaultOfAPerson() {
        assertThat(tuples("Kenyan troops began their assault on the rebel stronghold in Somalia."))
                .contains("KEN>SOM>190").noneMatch(t -> t.endsWith(">182"));
    }
}
