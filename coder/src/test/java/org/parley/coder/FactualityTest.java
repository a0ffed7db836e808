package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Questions, conditions, hypotheticals, history and unnamed first-person speakers give no events. */
class FactualityTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2019, 6, 3);

    private static List<String> tuples(String text, LocalDate date) {
        return CODER.code(new CoderInput("t", text, date, null)).events().stream()
                .map(e -> e.source().code() + ">" + (e.target() == null ? "-" : e.target().code()) + ">" + e.root())
                .toList();
    }

    @Test
    void aStatedActIsAnEvent() {
        assertThat(tuples("Ethiopia attacked Eritrea on Monday.", DAY)).contains("ETH>ERI>19");
    }

    @Test
    void aQuestionIsNot() {
        assertThat(tuples("Will Ethiopia attack Eritrea?", DAY)).isEmpty();
    }

    @Test
    void aConditionIsNot() {
        assertThat(tuples("If Ethiopia attacked Eritrea, the region would suffer.", DAY)).isEmpty();
    }

    @Test
    void aHypotheticalPastIsNot() {
        assertThat(tuples("The plan would have allowed Ethiopia to attack Eritrea.", DAY)).isEmpty();
    }

    @Test
    void anActDatedYearsBeforeTheArticleIsHistoryNotNews() {
        assertThat(tuples("Ethiopia and Eritrea fought a war in 1998.", DAY)).isEmpty();
        // a year that dates something else in the clause does not make the act history
        assertThat(tuples("Ethiopia extended the sanctions against Eritrea that were imposed by decree in 2009.", DAY))
                .isNotEmpty();
    }

    @Test
    void aDateInTheYearBeforeIsStillNews() {
        // articles are often dated late (a file's own date): only two calendar years back makes an act history
        assertThat(tuples("Ethiopia attacked Eritrea on February 27, 2018.", DAY)).contains("ETH>ERI>19");
    }

    @Test
    void withoutTheArticleDateNoYearIsPast() {
        assertThat(tuples("Ethiopia and Eritrea fought a war in 1998.", null)).isNotEmpty();
    }

    @Test
    void anAllegedActIsNotStatedAsDone() {
        List<String> t = tuples("Ethiopia accused Eritrea of attacking its border posts.", DAY);
        assertThat(t).contains("ETH>ERI>11").noneMatch(x -> x.endsWith(">19"));
    }

    @Test
    void aCountryNamingAWarOrTreatyIsNoActor() {
        assertThat(tuples("An Iraq War veteran criticised Kenya on Monday.", DAY)).noneMatch(x -> x.startsWith("IRQ"));
    }

    @Test
    void anUnnamedFirstPersonSpeakerIsNoActor() {
        assertThat(tuples("I think Ethiopia attacked Eritrea.", DAY)).noneMatch(t -> t.endsWith(">04"));
        assertThat(tuples("We met Eritrea's president.", DAY)).isEmpty();
    }

    @Test
    void aPresentPassiveWithNoAgentIsAStandingState() {
        assertThat(tuples("The Oromo Liberation Front is banned in Ethiopia.", DAY)).isEmpty();
        assertThat(tuples("The Oromo Liberation Front was banned in Ethiopia on Monday.", DAY))
                .contains("ETH>IMG>17");
    }

    @Test
    void aMatchIsNoForce() {
        assertThat(tuples("The Ethiopian side beat Eritrea 2-0 in Addis Ababa.", DAY)).isEmpty();
        assertThat(tuples("The Indian cricket team defeated Pakistan by six wickets.", DAY)).isEmpty();
        assertThat(tuples("Indian troops attacked Pakistani forces near the border.", DAY)).contains("IND>PAK>19");
    }

    @Test
    void aYearAfterAnInfinitiveStillDatesTheAct() {
        assertThat(tuples("A Kenyan court convicted two Somali men of conspiracy to possess with intent to distribute "
                + "heroin in 2008.", DAY))
                .isEmpty();
        assertThat(tuples("A Kenyan court convicted two Somali men of conspiracy to possess with intent to distribute "
                + "heroin.", DAY))
                .isNotEmpty();
    }

    @Test
    void aBareMonthSomeMonthsBeforeTheArticleIsBackground() {
        // the article is of June 2019
        assertThat(tuples("Ethiopia expelled two Eritrean diplomats in January.", DAY)).isEmpty();
        assertThat(tuples("In February, Ethiopia expelled two Eritrean diplomats.", DAY)).isEmpty();
        assertThat(tuples("Ethiopia expelled two Eritrean diplomats in May.", DAY)).isNotEmpty();
        assertThat(tuples("Ethiopia will host Eritrea's president in January.", DAY)).isNotEmpty();
        // a month of another clause or phrase does not date the demand
        assertThat(tuples("Ethiopia, which lost a border post in January, demanded an apology from Eritrea.", DAY))
                .contains("ETH>ERI>10");
        assertThat(tuples("After talks in March, Ethiopia demanded an apology from Eritrea.", DAY))
                .contains("ETH>ERI>10");
    }

    @Test
    void anActAskedOfSomeoneIsNotDoneThoughARelativeClauseStandsBetween() {
        assertThat(tuples("Protesters had asked the Kenyan president, who is backed by the army, to resign.", DAY))
                .noneMatch(t -> t.endsWith(">08")).contains("--->KEN>02");
    }

    @Test
    void anActALawWouldAllowIsNotDone() {
        assertThat(tuples("Kenya passed a law to allow Ugandan police to arrest Kenyan smugglers.", DAY))
                .noneMatch(t -> t.startsWith("UGA"));
        assertThat(tuples("The deal allows Ugandan troops to attack rebel bases in Kenya.", DAY))
                .noneMatch(t -> t.startsWith("UGA"));
    }

    @Test
    void aCooperativeActThatWillNotHappenIsARefusal() {
        assertThat(tuples("Kenya will not send troops to Somalia.", DAY)).containsExactly("KEN>SOM>12");
        assertThat(tuples("Uganda said it would not meet Kenyan officials.", DAY)).containsExactly("UGA>KEN>12");
        // a negated past act is no event, as before
        assertThat(tuples("Kenya did not send troops to Somalia.", DAY)).isEmpty();
    }

    @Test
    void failingToReachAgreementIsAMutualRejection() {
        assertThat(tuples("Kenya and Uganda failed to reach agreement on the border.", DAY))
                .contains("KEN>UGA>12", "UGA>KEN>12");
    }

    @Test
    void postponingWhatWasAgreedDoesNotNegateTheAgreement() {
        assertThat(tuples("Kenyan opposition leaders agreed to postpone a protest.", DAY)).contains("KEN>->03");
        assertThat(tuples("The talks between Kenya and Uganda were postponed.", DAY)).isEmpty();
    }

    @Test
    void anActGivenAsTheReasonForAnotherIsNotTheSubjects() {
        assertThat(tuples("A Kenyan court has jailed a Somali student for two years for helping young militants join an "
                + "armed group in Uganda.", DAY)).contains("KEN>SOM>17").noneMatch(t -> t.endsWith(">07"));
    }
}
