package org.parley.cli.reliability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.parley.common.Article;

/**
 * Seeded articles whose sentences the real coder turns into events: many actor pairs, many verbs, spread over three
 * weeks, and some sentences repeated in later articles (the same happening reported again) so that distinct events
 * and mentions differ.
 */
final class ArticleGenerator {
    private static final List<String> COUNTRIES = List.of("Russia", "Ukraine", "China", "France", "Germany", "Iran",
            "Japan", "India", "Turkey", "Greece", "Brazil", "Argentina", "the United States", "Poland", "Canada",
            "Spain", "Italy", "Egypt", "Pakistan");
    /** {@code %1$s} acts on {@code %2$s}; each template codes to an event with the default dictionaries. */
    private static final List<String> TEMPLATES = List.of(
            "%1$s accused %2$s of shelling civilians.",
            "%1$s and %2$s held talks in Geneva.",
            "%1$s imposed sanctions on %2$s.",
            "%1$s praised %2$s for its leadership.",
            "%1$s threatened %2$s with military action.",
            "%1$s signed a trade agreement with %2$s.",
            "%1$s sent humanitarian aid to %2$s.",
            "%1$s condemned %2$s over the border crisis.",
            "%1$s rejected the proposal from %2$s.",
            "%1$s called on %2$s to stop the attacks.",
            "%1$s recalled its ambassador to %2$s.");
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 1);

    private ArticleGenerator() {
    }

    static List<Article> generate(long seed, int count) {
        Random random = new Random(seed);
        List<String> said = new ArrayList<>();
        List<LocalDate> saidOn = new ArrayList<>();
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate date = FIRST_DAY.plusDays(random.nextInt(21));
            int sentences = 1 + random.nextInt(3);
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                String sentence;
                if (!said.isEmpty() && random.nextInt(5) == 0) {
                    // The same happening reported again, by another article on the same day.
                    int j = random.nextInt(said.size());
                    sentence = said.get(j);
                    date = saidOn.get(j);
                } else {
                    String a = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
                    String b;
                    do {
                        b = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
                    } while (b.equals(a));
                    String t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
                    sentence = capitalise(String.format(t, a, b));
                    said.add(sentence);
                    saidOn.add(date);
                }
                text.append(s == 0 ? "" : " ").append(sentence);
            }
            // The article number in the text keeps every article distinct, like the ids ingest hashes from text.
            text.append("\n\nReport ").append(i).append('.');
            String id = String.format("rel-%05d", i);
            articles.add(new Article(id, null, text.toString(), date, Article.DateSource.METADATA, null,
                    "reliability", null, null, id, Instant.parse("2025-03-01T00:00:00Z")));
        }
        return articles;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
