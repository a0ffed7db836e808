package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.coder.learned.Penta;

/** The learned second opinion with the real embedding model and the shipped classifier. */
class LearnedOpinionTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LearnedOpinion OPINION = LearnedOpinion.shipped();

    private static Penta sure(String sentence) {
        double[] p = OPINION.vote(sentence);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
        }
        return Penta.values()[best];
    }

    @Test
    void readsTheKindOfActFromTheWholeSentence() {
        assertThat(sure("Rebel fighters ambushed an army convoy and killed twelve soldiers.")).isEqualTo(Penta.MATERIAL_CONFLICT);
        assertThat(sure("The two governments signed an agreement to share intelligence and train police together."))
                .matches(Penta::cooperation);
        assertThat(sure("The foreign ministry denounced the new sanctions and accused its neighbour of economic terrorism."))
                .matches(Penta::conflict, "a conflict class");
    }

    @Test
    void vetoesOnlyAStronglyContradictedDirection() {
        double[] conflict = {0.02, 0.02, 0.02, 0.04, 0.90};
        org.parley.common.Event coop = event("060");
        assertThat(LearnedOpinion.vetoes(coop, conflict)).isTrue();
        assertThat(LearnedOpinion.vetoes(coop, new double[]{0.1, 0.1, 0.1, 0.3, 0.4})).isFalse();
        assertThat(LearnedOpinion.vetoes(event("190"), conflict)).isFalse();
        assertThat(LearnedOpinion.vetoes(event("010"), conflict)).isFalse();
    }

    @Test
    void aSentenceNoRuleCoversGetsAnEventOfItsClassOnItsMainVerb() {
        // "battered" is in no rule: the event comes from the learned opinion, named as such
        List<org.parley.common.Event> events = CODER.code(new CoderInput("a",
                "Russian forces battered Ukrainian positions near Bakhmut with artillery.", LocalDate.of(2023, 3, 1),
                null)).events();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo("learned.material_conflict");
            assertThat(e.source().code()).isEqualTo("RUS");
            assertThat(e.root()).isEqualTo("19");
        });
    }

    @Test
    void withoutTheOpinionTheSameSentenceGivesNothing() {
        assertThat(CODER.withoutLearnedOpinion().code(new CoderInput("a",
                "Russian forces battered Ukrainian positions near Bakhmut with artillery.", LocalDate.of(2023, 3, 1),
                null)).events()).isEmpty();
    }

    @Test
    void theExplanationShowsTheVote() {
        Explanation x = CODER.explain(new CoderInput("a",
                "Russian forces battered Ukrainian positions near Bakhmut with artillery.", LocalDate.of(2023, 3, 1),
                null));
        assertThat(x.sentences().get(0).rules()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("learned.opinion");
            assertThat(r.outcome()).contains("learned vote").contains("material_conflict");
        });
    }

    private static org.parley.common.Event event(String code) {
        org.parley.common.Actor a = new org.parley.common.Actor("RUS", org.parley.common.Actor.ActorType.STATE, null, "Russia", "Russia");
        return new org.parley.common.Event("id", "a", 0, "s", null, LocalDate.of(2024, 1, 1), a, null, code,
                code.substring(0, 2), org.parley.common.Event.quadClassOfRoot(code.substring(0, 2)), 0, null, null,
                "r", null);
    }
}
