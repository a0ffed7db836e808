package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Base forms for the rules: regular inflection undone, only towards words the rules are written in. */
class LemmasTest {
    private static final Lemmas LEMMAS = new Lemmas(List.of(
            Rule.parse("t.meet   | 040 | meet/met ... talk |"),
            Rule.parse("t.seize  | 171 | seize ... town/property |"),
            Rule.parse("t.stop   | 162 | stop ... aid |"),
            Rule.parse("t.deny   | 016 | deny ... involvement |"),
            Rule.parse("t.free   | 0841 | free ... prisoner |"),
            Rule.parse("t.be     | 010 | be ... said |"),
            Rule.parse("t.arrest | 173 | arrest* ... leader* |")));

    @Test
    void regularVerbFormsFindTheRuleWord() {
        assertThat(LEMMAS.lemma("seized")).isEqualTo("seize");
        assertThat(LEMMAS.lemma("seizing")).isEqualTo("seize");
        assertThat(LEMMAS.lemma("seizes")).isEqualTo("seize");
        assertThat(LEMMAS.lemma("stopped")).isEqualTo("stop");
        assertThat(LEMMAS.lemma("stopping")).isEqualTo("stop");
        assertThat(LEMMAS.lemma("stops")).isEqualTo("stop");
        assertThat(LEMMAS.lemma("denies")).isEqualTo("deny");
        assertThat(LEMMAS.lemma("denied")).isEqualTo("deny");
    }

    @Test
    void pluralNounsFindTheRuleWord() {
        assertThat(LEMMAS.lemma("prisoners")).isEqualTo("prisoner");
        assertThat(LEMMAS.lemma("talks")).isEqualTo("talk");
        assertThat(LEMMAS.lemma("towns")).isEqualTo("town");
    }

    @Test
    void ruleWordsAndIrregularFormsListedInTheRulesStayThemselves() {
        assertThat(LEMMAS.lemma("met")).isEqualTo("met");
        assertThat(LEMMAS.lemma("meet")).isEqualTo("meet");
        assertThat(LEMMAS.lemma("property")).isEqualTo("property");
    }

    @Test
    void aWordNoRuleKnowsStaysTheSameInstance() {
        for (String w : new String[] {"released", "withdrawals", "accusing", "carried", "sanctions", "attacked", "Russia"}) {
            String fresh = new String(w);
            assertThat(LEMMAS.lemma(fresh)).isSameAs(fresh);
        }
    }

    @Test
    void stemsAreNotBaseForms() {
        // "arrest*" is a stem in its rule, not a word: nothing is lemmatised towards it
        String arrested = new String("arrested");
        assertThat(LEMMAS.lemma(arrested)).isSameAs(arrested);
        String leaders = new String("leaders");
        assertThat(LEMMAS.lemma(leaders)).isSameAs(leaders);
    }

    @Test
    void shortWordsStayThemselves() {
        // "bed" and "bes" would otherwise undo -ed and -s to the rule word "be"
        for (String w : new String[] {"bed", "bes", "is", "a", ""}) {
            String fresh = new String(w);
            assertThat(LEMMAS.lemma(fresh)).isSameAs(fresh);
        }
        assertThat(LEMMAS.lemma("beds")).isEqualTo("beds");
    }

    @Test
    void ofKeepsOneLemmaPerWordAndTheSameInstanceForUnchangedWords() {
        String[] words = {"troops", "seized", "the", "town", "and", "stopped", "aid"};
        String[] lemmas = LEMMAS.of(words);

        assertThat(lemmas).containsExactly("troops", "seize", "the", "town", "and", "stop", "aid");
        for (int i : new int[] {0, 2, 3, 4, 6}) {
            assertThat(lemmas[i]).isSameAs(words[i]);
        }
        assertThat(LEMMAS.of(new String[0])).isEmpty();
    }
}
