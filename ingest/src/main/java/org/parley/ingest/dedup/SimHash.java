package org.parley.ingest.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 64-bit SimHash over word shingles: texts that share most of their shingles get fingerprints a few bits
 * apart, so a wire copy with small edits lands near its original while unrelated texts differ in about half
 * of the bits.
 */
public final class SimHash {
    /** Words per shingle. */
    public static final int SHINGLE = 3;

    private SimHash() {
    }

    /** The lower-cased words of a text. */
    public static List<String> words(String text) {
        // Runs of letters and digits, as [\\p{L}\\p{N}]+ finds them, scanned by hand for bulk-ingest speed.
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(lower.length() / 5);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    public static long of(List<String> words) {
        long[] hashes = new long[words.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = fnv(words.get(i));
        }
        return ofWordHashes(hashes, hashes.length);
    }

    /**
     * The fingerprint of a text, the same as {@code of(words(text))}, without making a string per word. The
     * second element of the result is the number of words.
     */
    public static long[] fingerprintAndWordCount(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        long[] hashes = new long[Math.max(16, lower.length() / 4)];
        int count = 0;
        long h = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i < lower.length(); ) {
            char c = lower.charAt(i);
            int cp = Character.isHighSurrogate(c) ? lower.codePointAt(i) : c;
            int next = i + Character.charCount(cp);
            if (isWordChar(cp)) {
                if (!inWord) {
                    h = FNV_OFFSET;
                    inWord = true;
                }
                for (int k = i; k < next; k++) {
                    h ^= lower.charAt(k);
                    h *= FNV_PRIME;
                }
            } else if (inWord) {
                if (count == hashes.length) {
                    hashes = java.util.Arrays.copyOf(hashes, count * 2);
                }
                hashes[count++] = h;
                inWord = false;
            }
            i = next;
        }
        if (inWord) {
            if (count == hashes.length) {
                hashes = java.util.Arrays.copyOf(hashes, count + 1);
            }
            hashes[count++] = h;
        }
        return new long[] {ofWordHashes(hashes, count), count};
    }

    /**
     * Each bit of the fingerprint is the majority vote of that bit over all shingle hashes. The ones per bit
     * position are counted in bit-sliced counters (plane k holds bit k of all 64 counts), which costs about
     * two word operations per shingle instead of 64 increments.
     */
    private static long ofWordHashes(long[] hashes, int count) {
        int shingles = Math.max(1, count - SHINGLE + 1);
        long[] planes = new long[32];
        for (int i = 0; i < shingles; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < Math.min(count, i + SHINGLE); j++) {
                h = mix(h ^ hashes[j]);
            }
            long carry = h;
            for (int k = 0; carry != 0; k++) {
                long t = planes[k] & carry;
                planes[k] ^= carry;
                carry = t;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            long ones = 0;
            for (int k = 0; k < planes.length; k++) {
                ones |= ((planes[k] >>> bit) & 1L) << k;
            }
            // votes = ones - (shingles - ones) > 0
            if (2 * ones > shingles) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static long fnv(String s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
