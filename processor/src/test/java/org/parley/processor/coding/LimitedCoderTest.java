package org.parley.processor.coding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitedCoderTest {
    @Test
    void theTextIsCutJustAfterTheNthSentenceMark() {
        String text = "One. Two! Three? Four.\nFive";
        assertThat(LimitedCoder.cutAfterSentences(text, 1)).isEqualTo(4);
        assertThat(text.substring(0, LimitedCoder.cutAfterSentences(text, 3))).isEqualTo("One. Two! Three?");
        assertThat(LimitedCoder.cutAfterSentences(text, 5)).as("the line break counts").isEqualTo(23);
        assertThat(LimitedCoder.cutAfterSentences(text, 6)).as("fewer marks: all of it").isEqualTo(text.length());
    }

    @Test
    void everyDotCountsSoAbbreviationsOnlyEverMakeTheCutEarlier() {
        assertThat("Mr. Smith went to the U.S. today.".substring(0,
                LimitedCoder.cutAfterSentences("Mr. Smith went to the U.S. today.", 2))).isEqualTo("Mr. Smith went to the U.");
    }
}
