package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.coder.learned.Penta;

/** The learned second opinion with the real embedding model and the shipped classifier. */
class LearnedOpinionTest {
    private static final EventCoder CODER = EventCoder.strictForTests().withLearnedOpinion();
    private static final LearnedOpinion OPINION = LearnedOpinion.load();

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
    void anArticleSpendsAtMostItsBudgetOfVotes() {
        int[] embedded = {0};
        LearnedOpinion counting = new LearnedOpinion(text -> {
            embedded[0]++;
            return new float[org.parley.coder.learned.SentenceEmbedder.MINILM_DIMENSIONS];
        }, LearnedOpinion.shippedModel());
        LearnedOpinion.Budget budget = new LearnedOpinion.Budget();
        int votes = 0;
        for (int i = 0; i < LearnedOpinion.VOTES_PER_ARTICLE + 5; i++) {
            votes += counting.voteOn("sentence " + i, budget).p() != null ? 1 : 0;
        }
        assertThat(votes).isEqualTo(LearnedOpinion.VOTES_PER_ARTICLE);
        assertThat(embedded[0]).isEqualTo(LearnedOpinion.VOTES_PER_ARTICLE);
        assertThat(counting.voteOn("another", budget).confirms("190")).isFalse();
    }

    private static final String SEIZED = "Russian troops seized the strategic town after days of heavy fighting.";
    private static final String NO_ACTOR = "The troops seized the strategic town after days of heavy fighting.";

    @Test
    void aRuleWithoutAnActorAsObjectGivesAOneSidedEventWhenTheSentenceReadsAsItsClass() {
        List<org.parley.common.Event> events = CODER.code(new CoderInput("a", SEIZED, LocalDate.of(2020, 5, 6),
                null)).events();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.source().code()).isEqualTo("RUS");
            assertThat(e.target()).isNull();
            assertThat(e.root()).isEqualTo("19");
        });
    }

    @Test
    void withoutTheOpinionTheSameSentenceGivesNothing() {
        assertThat(CODER.withoutLearnedOpinion().code(new CoderInput("a", SEIZED, LocalDate.of(2020, 5, 6),
                null)).events()).isEmpty();
        assertThat(EventCoder.withDefaultDictionaries().learnedOpinion()).as("off by default").isFalse();
    }

    @Test
    void noActorNoEventEvenWithTheVote() {
        assertThat(CODER.code(new CoderInput("a", NO_ACTOR, LocalDate.of(2020, 5, 6), null)).events()).isEmpty();
    }

    @Test
    void theExplanationShowsTheVote() {
        Explanation x = CODER.explain(new CoderInput("a", SEIZED, LocalDate.of(2020, 5, 6), null));
        assertThat(x.sentences().get(0).rules()).anySatisfy(r ->
                assertThat(r.outcome()).contains("one-sided: learned vote").contains("material_conflict"));
    }
}
