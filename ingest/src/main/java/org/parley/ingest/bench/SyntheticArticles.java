package org.parley.ingest.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.parley.common.Json;

/**
 * Made-up news articles for throughput measurements: the same seed gives the same articles, every article
 * differs from every other (so none is a duplicate or a near-duplicate), and each holds about the requested
 * number of characters of text in paragraphs of sentences.
 */
public final class SyntheticArticles {
    private static final String[] SYLLABLES = {"ka", "ro", "mi", "ten", "sa", "lo", "vi", "dor", "an", "el",
        "stra", "pe", "nu", "gor", "is", "ta", "ber", "ly", "mon", "qui", "za", "fen", "ho", "ul"};
    private static final String[] ACTORS = {"The foreign minister", "A government spokesperson", "The president",
        "Diplomats in Geneva", "The defence ministry", "Officials in Brussels", "The prime minister",
        "Negotiators", "The United Nations envoy", "The opposition leader"};
    private static final String[] VERBS = {"said", "warned", "announced", "denied", "confirmed", "proposed",
        "rejected", "welcomed", "criticised", "urged"};

    private final SplittableRandom random;
    private final String[] vocabulary;
    private final int textChars;

    public SyntheticArticles(long seed, int textChars) {
        this.random = new SplittableRandom(seed);
        this.textChars = textChars;
        this.vocabulary = new String[4000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = w.toString();
        }
    }

    /** The next article's text: paragraphs of sentences, about {@code textChars} characters. */
    public String nextText() {
        StringBuilder text = new StringBuilder(textChars + 200);
        while (text.length() < textChars) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int sentences = 3 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    text.append(' ');
                }
                text.append(ACTORS[random.nextInt(ACTORS.length)]).append(' ')
                        .append(VERBS[random.nextInt(VERBS.length)]);
                int words = 8 + random.nextInt(14);
                for (int w = 0; w < words; w++) {
                    text.append(' ').append(vocabulary[random.nextInt(vocabulary.length)]);
                }
                text.append('.');
            }
        }
        return text.toString();
    }

    /**
     * Writes {@code count} articles as JSON lines (title, text, date, url, source) and returns the number of
     * bytes of article text written.
     */
    public long writeJsonLines(Path file, int count) {
        ObjectWriter writer = Json.mapper().writer();
        LocalDate day = LocalDate.of(2025, 1, 1);
        long textBytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String text = nextText();
                textBytes += text.getBytes(StandardCharsets.UTF_8).length;
                ObjectNode node = Json.mapper().createObjectNode();
                node.put("title", "Synthetic article " + (i + 1));
                node.put("text", text);
                node.put("date", day.plusDays(i % 365).toString());
                node.put("url", "https://example.org/synthetic/" + (i + 1));
                node.put("source", "synthetic");
                out.write(writer.writeValueAsString(node));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return textBytes;
    }
}
