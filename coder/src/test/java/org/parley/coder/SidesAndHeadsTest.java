package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who the two sides of an act are: domestic parties with their own roles, rank words that keep the body before
 * them, possessors that do not act, passives with irregular participles, and acts that need no target. Sentences
 * written for this test.
 */
class SidesAndHeadsTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2016, 4, 12);

    private static List<String> tuples(String text) {
        return CODER.code(new CoderInput("t", text, DAY, null)).events().stream()
                .map(e -> e.source().code() + (e.source().role() == null ? "" : e.source().role()) + ">"
                        + (e.target() == null ? "-" : e.target().code()
                        + (e.target().role() == null ? "" : e.target().role())) + ">" + e.cameo())
                .toList();
    }

    @Test
    void twoBodiesOfOneCountryWithTheirOwnRolesAreTwoParties() {
        assertThat(tuples("The Kenyan parliament criticised the Kenyan police."))
                .anyMatch(t -> t.startsWith("KENLEG>KENCOP>11"));
    }

    @Test
    void aCountryAndItsOwnGovernmentAreOneSide() {
        assertThat(tuples("Brazil criticised the Brazilian government.")).isEmpty();
    }

    @Test
    void anActWithoutTargetKeepsItsEventWhenItsOwnSideFollows() {
        assertThat(tuples("Peru declared a state of emergency to support what the Peruvian government called "
                + "reconstruction.")).contains("PER>-" + ">1724");
    }

    @Test
    void aRankWordKeepsTheRoleOfTheBodyBeforeIt() {
        assertThat(tuples("A Rwandan militia leader attacked a village in Uganda."))
                .anyMatch(t -> t.startsWith("RWAREB>UGA") && t.endsWith(">190"));
        assertThat(tuples("The Chilean defence chief met the Argentine foreign minister."))
                .contains("CHLMIL>ARGGOV>040");
    }

    @Test
    void aSurnameSpelledLikeAnAcronymIsNoOrganisation() {
        assertThat(tuples("Thai army chief Gen. Ngo Van Thanh visited Laos."))
                .anyMatch(t -> t.startsWith("THAMIL>LAO>04"));
    }

    @Test
    void aPossessiveCountryBeforeAnotherActorDoesNotAct() {
        assertThat(tuples("Nigeria's Boko Haram fighters attacked a Cameroonian army post."))
                .anyMatch(t -> t.startsWith("NGAREB>CMR") && t.endsWith(">190"))
                .noneMatch(t -> t.startsWith("NGA>"));
    }

    @Test
    void aPassiveWithAnIrregularParticipleHasNoSubjectAsAgent() {
        assertThat(tuples("A Pakistani policeman was shot at the border post on Monday."))
                .noneMatch(t -> t.startsWith("PAK") && t.contains(">19"));
    }

    @Test
    void foundDeadReportsADeathNotAKiller() {
        assertThat(tuples("Kenyan police found dead a Ugandan journalist.")).noneMatch(t -> t.endsWith(">190"));
        assertThat(tuples("Ugandan opposition leader found dead, Ugandan police say")).isEmpty();
    }

    @Test
    void stoppedSuppliesAndEndedMediationReduceRelations() {
        assertThat(tuples("Norway has suspended food supplies to Sudan.")).contains("NOR>SDN>162");
        assertThat(tuples("Qatar ended its mediation between Chad and Sudan."))
                .anyMatch(t -> t.startsWith("QAT>") && t.endsWith(">165"));
    }

    @Test
    void meetingDemandsIsYieldingAndLendingMoneyIsAid() {
        assertThat(tuples("The Kenyan government accepted the demands of Kenyan teachers."))
                .anyMatch(t -> t.startsWith("KENGOV>KEN") && t.endsWith(">083"));
        assertThat(tuples("Japan lent $2 billion to Sri Lanka.")).contains("JPN>LKA>071");
    }

    @Test
    void steppingDownYieldsWithoutATarget() {
        assertThat(tuples("The Maltese prime minister stepped down on Sunday.")).contains("MLTGOV>-" + ">0831");
    }

    @Test
    void anArrestWithoutAgentIsTheActOfThePlacesState() {
        assertThat(tuples("Three Danish sailors were detained in Oman on Tuesday.")).contains("OMN>DNKCVL>173");
        assertThat(tuples("A blogger was sentenced in Vietnam on Friday.")).contains("VNM>-" + ">116");
        assertThat(tuples("Police said four men were arrested in Kampala."))
                .anyMatch(t -> t.startsWith("UGA") && t.endsWith(">173")).noneMatch(t -> t.endsWith(">112"));
    }

    @Test
    void engagedInIsNoPassiveAndAPlaceNeedsAStateAct() {
        assertThat(tuples("Four houses were destroyed in Gaza on Monday.")).isEmpty();
        assertThat(tuples("Chile was engaged in talks with Bolivia.")).noneMatch(t -> t.startsWith("BOL>CHL"));
    }
}
