package org.parley.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {
    private static final String TEXT = "Russia and the United States held talks.\n\nThe sides agreed to meet again.";

    @Test
    void sameTextGivesTheSameIdAcrossSpacingAndCase() {
        assertThat(ArticleIds.of(TEXT))
                .isEqualTo(ArticleIds.of(TEXT))
                .isEqualTo(ArticleIds.of("  russia and the UNITED states   held talks.\nThe sides agreed\tto meet again. "))
                .matches("[0-9a-f]{16}");
    }

    @Test
    void differentWordsGiveDifferentIds() {
        assertThat(ArticleIds.of(TEXT)).isNotEqualTo(ArticleIds.of(TEXT.replace("again", "later")));
    }

    @Test
    void idIsTheSha256PrefixOfTheNormalisedText() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("the sides agreed. to meet".getBytes(StandardCharsets.UTF_8));

        assertThat(ArticleIds.of("The sides AGREED.\n\n to   meet"))
                .isEqualTo(HexFormat.of().formatHex(digest).substring(0, 16));
    }

    @Test
    void compatibilityFormsNormaliseToTheSameId() {
        // U+FB01 is the "fi" ligature; NFKC spells it out.
        assertThat(ArticleIds.of("the \uFB01nal text")).isEqualTo(ArticleIds.of("the final text"));
    }
}
