package org.parley.ingest.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Article ids: the first 16 hex digits (64 bits) of the SHA-256 of the normalised text, so the same article
 * gets the same id however it was wrapped, spaced or capitalised, and re-ingesting it changes nothing
 * downstream. The headline is not part of it: the same text under another headline is the same article.
 */
public final class ArticleIds {
    public static final int HEX_DIGITS = 16;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(s).replaceAll(" ").trim();
    }
}
