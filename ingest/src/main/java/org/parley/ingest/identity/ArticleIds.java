package org.parley.ingest.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Article ids: the first 16 hex digits (64 bits) of the SHA-256 of the normalised text, so the same article
 * gets the same id however it was wrapped, spaced or capitalised, and re-ingesting it changes nothing
 * downstream. The headline is not part of it: the same text under another headline is the same article.
 */
public final class ArticleIds {
    public static final int HEX_DIGITS = 16;

    private ArticleIds() {
    }

    public static String of(String text) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        byte[] digest = sha.digest(normalise(text).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, HEX_DIGITS / 2);
    }

    /** NFKC, lower case, runs of whitespace as one space, trimmed. */
    public static String normalise(String text) {
        // ASCII is already in NFKC: skip the normaliser for it (most of the cost of an id).
        String s = (isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
        // By hand rather than with \\s+: every article goes through here.
        char[] out = new char[s.length()];
        int n = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                space = true;
                continue;
            }
            if (space && n > 0) {
                out[n++] = ' ';
            }
            space = false;
            out[n++] = c;
        }
        return new String(out, 0, n).trim();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
