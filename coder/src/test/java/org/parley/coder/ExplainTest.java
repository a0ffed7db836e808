package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link EventCoder#explain}: actors, rules and the reason a sentence gave no event. */
class ExplainTest {
    private static final EventCoder CODER = EventCoder.strictForTests();

    private static Explanation explain(String text) {
        return CODER.explain(new CoderInput("x", text, LocalDate.of(2025, 3, 7), null));
    }

    @Test
    void eventsAreTheSameAsCode() {
        String text = "Germany and Poland held talks in Warsaw. France criticised Iran.";
        Explanation x = explain(text);
        assertThat(x.sentences()).hasSize(2);
        assertThat(x.sentences().stream().flatMap(s -> s.events().stream()).toList())
                .isEqualTo(CODER.code(new CoderInput("x", text, LocalDate.of(2025, 3, 7), null)).events());
        assertThat(x.sentences().get(1).verdict()).isNull();
    }

    @Test
    void listsActorsWithCodesAndUses() {
        Explanation.SentenceTrace s = explain("Russian Foreign Minister Sergei Lavrov arrived in Ankara.").sentences().get(0);
        assertThat(s.actors()).extracting(a -> a.code() + "/" + a.use())
                .containsExactly("RUS/actor", "TUR/place");
    }

    @Test
    void saysWhenNoRuleMatched() {
        Explanation.SentenceTrace s = explain("Spain said nothing about Portugal.").sentences().get(0);
        assertThat(s.events()).isEmpty();
        assertThat(s.verdict()).startsWith("no action word matched a rule").contains("'said'");
    }

    @Test
    void saysWhenARuleFoundNoTarget() {
        Explanation.SentenceTrace s = explain("Belgium praised warmly.").sentences().get(0);
        assertThat(s.rules()).extracting(Explanation.RuleTrial::rule).contains("coop.praise");
        assertThat(s.verdict()).contains("coop.praise").contains("no target actor");
    }

    @Test
    void saysWhenNegated() {
        Explanation.SentenceTrace s = explain("Chile never criticised Peru.").sentences().get(0);
        assertThat(s.verdict()).contains("negated");
    }

    @Test
    void saysWhenNoSource() {
        Explanation.SentenceTrace s = explain("After the talks with Norway, the mood improved.").sentences().get(0);
        assertThat(s.verdict()).contains("consult.talks").contains("no source actor");
    }

    @Test
    void textRenderingShowsEverySentence() {
        String text = explain("Chile never criticised Peru. Austria met Hungary.").toText();
        assertThat(text).contains("[0] Chile never criticised Peru.").contains("why no event: ")
                .contains("EVENT  AUT -> HUN 040");
    }
}
