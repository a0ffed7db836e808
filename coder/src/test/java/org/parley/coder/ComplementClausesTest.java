package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clauses that complete a verb: what a demand's "that" clause asks for, what a reported "it would" intends, and
 * verbs after their subject that head the clause rather than describe a noun. Sentences written for this test.
 */
class ComplementClausesTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2024, 6, 3);

    private static List<String> tuples(String text) {
        return EventTuples.of(CODER.code(new CoderInput("t", text, DAY, null)).events());
    }

    @Test
    void aDemandPastATimePhraseIsOnTheSubjectOfItsThatClause() {
        assertThat(tuples("Ghana demanded on Friday that Togo reopen the border crossing at Aflao."))
                .anyMatch(t -> t.startsWith("GHA>TGO>10"));
        assertThat(tuples("Peru's foreign ministry insisted again that Chile return the stolen artefacts."))
                .anyMatch(t -> t.startsWith("PER>CHL>10"));
        assertThat(tuples("Chad demanded that Niger send food after floods swept through Zinder."))
                .anyMatch(t -> t.startsWith("TCD>NER>10"));
    }

    @Test
    void theActADemandAsksForHasNotHappened() {
        assertThat(tuples("Ghana demanded on Friday that Togo release the detained fishermen."))
                .noneMatch(t -> t.startsWith("TGO>"));
        assertThat(tuples("Greece insisted that Turkey withdraw its survey ship from the disputed waters."))
                .noneMatch(t -> t.startsWith("TUR>"));
    }

    @Test
    void aPastTenseActInAThatClauseIsAClaimAboutWhatWasDone() {
        assertThat(tuples("Greece insisted that Turkish jets attacked a Greek patrol boat."))
                .anyMatch(t -> t.startsWith("TUR>GRC>19"));
    }

    @Test
    void theSourceNamedAgainAsTheSubjectOfWhatItAnnouncedIsNotTheTarget() {
        assertThat(tuples("Canada announced it would impose sanctions on Belarus."))
                .containsExactly("CAN>BLR>1312");
        assertThat(tuples("Norway announced that it would send medical aid to Sudan."))
                .anyMatch(t -> t.startsWith("NOR>SDN>03"));
    }

    @Test
    void aVerbAfterItsSubjectHeadsTheClauseWhenOnlyAParticipleFollows() {
        assertThat(tuples("Serbian nationalists rampaged through the Kosovo town of Mitrovica, burning cars."))
                .anyMatch(t -> t.startsWith("SRB>XKX>18"));
        assertThat(tuples("Kurdish militants set off a bomb near a convoy carrying Turkish soldiers."))
                .anyMatch(t -> t.endsWith(">TUR>183"));
    }

    @Test
    void aTimePhraseBetweenAVerbAndItsComplementChangesNothing() {
        assertThat(tuples("Iran refused on Tuesday to release a Swedish doctor.")).containsExactly("IRN>SWE>1243");
        assertThat(tuples("Japan agreed on Friday to resume talks with South Korea."))
                .noneMatch(t -> t.endsWith(">057"));
        assertThat(tuples("Washington called on Monday for Venezuelan President Nicolas Maduro to step down."))
                .anyMatch(t -> t.startsWith("USA>VEN>02"));
    }

    @Test
    void aCallForSomethingWithNoOneToDoItIsNoEvent() {
        assertThat(tuples("Current guidelines call for a two percent increase.")).isEmpty();
        assertThat(tuples("President Trump has called for NATO members to increase military spending."))
                .contains("USA>NATO>020");
    }
}
