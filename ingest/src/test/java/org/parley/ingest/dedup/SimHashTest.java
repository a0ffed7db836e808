package org.parley.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimHashTest {
    private static final String[] PIECES = {"talks", "Geneva", "минист", "ⅫⅣ", "x", "٣٤", "élan", "ÄRGER", "2025",
        "naïve", "中文", "'", "-", ",", ".", "  ", "\n", "\t", "\u00A0", "𝔄𝔅", "ǅ"};

    /** The per-bit vote the fingerprint is defined by, written the plain way. */
    private static long reference(List<String> words) {
        int[] votes = new int[64];
        int shingles = Math.max(1, words.size() - SimHash.SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < Math.min(words.size(), i + SimHash.SHINGLE); j++) {
                h = mix(h ^ fnv(words.get(j)));
            }
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long fp = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fp |= 1L << bit;
            }
        }
        return fp;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Test
    void theFastPathGivesTheSameFingerprintAsTheWordList() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 500; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(0, 400);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextInt(3) > 0) {
                    text.append(' ');
                }
            }
            String t = text.toString();
            List<String> words = SimHash.words(t);
            long[] fast = SimHash.fingerprintAndWordCount(t);
            assertThat(fast[1]).as("word count of %s", t).isEqualTo(words.size());
            assertThat(fast[0]).as("fingerprint of %s", t).isEqualTo(reference(words));
            assertThat(SimHash.of(words)).isEqualTo(fast[0]);
        }
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsLowerCased() {
        assertThat(SimHash.words("Talks in GENEVA, 2025 — Ⅻ٣ naïve-approach 𝔄"))
                .containsExactly("talks", "in", "geneva", "2025", "ⅻ٣", "naïve", "approach", "𝔄");
    }
}
