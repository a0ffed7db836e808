package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The OpenNLP tagger and lemmatizer: UPOS tags, lemmas, sharing between threads, odd input. */
class TaggerTest {
    private static final Tagger TAGGER = Tagger.english();
    private static final Set<String> UPOS = Set.of("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
            "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X");

    private static final String[] SENTENCES = {
        "Russia released a statement on Monday .",
        "The release of prisoners was agreed in Geneva .",
        "Putin met Erdogan in Ankara and they agreed to hold talks .",
        "Troops seized the town after the talks collapsed .",
        "The United States imposed new sanctions on Iran , officials said on Tuesday .",
        "\" We will not accept this , \" the minister told reporters -- and 1,200 people protested .",
        "China 's foreign ministry criticised the visit , calling it a provocation .",
        "Hamas fired rockets at Israel ; Israel retaliated with air strikes on Gaza .",
    };

    private static String[] tokens(String sentence) {
        return sentence.split(" ");
    }

    private static String tagOf(Tagger.Tagged t, String[] toks, String word) {
        return t.tags()[List.of(toks).indexOf(word)];
    }

    private static String lemmaOf(Tagger.Tagged t, String[] toks, String word) {
        return t.lemmas()[List.of(toks).indexOf(word)];
    }

    @Test
    void tellsTheVerbFromTheNoun() {
        String[] verb = tokens("Russia released a statement");
        String[] noun = tokens("the release of prisoners");

        Tagger.Tagged v = TAGGER.tag(verb);
        Tagger.Tagged n = TAGGER.tag(noun);

        assertThat(v.tags()).containsExactly("PROPN", "VERB", "DET", "NOUN");
        assertThat(n.tags()).containsExactly("DET", "NOUN", "ADP", "NOUN");
        assertThat(lemmaOf(v, verb, "released")).isEqualTo("release");
        assertThat(lemmaOf(n, noun, "release")).isEqualTo("release");
    }

    @Test
    void lemmatisesVerbsAndPluralNouns() {
        String[] s1 = tokens("Putin met Erdogan and they agreed to hold talks .");
        String[] s2 = tokens("Troops seized the town and freed the prisoners .");

        Tagger.Tagged t1 = TAGGER.tag(s1);
        Tagger.Tagged t2 = TAGGER.tag(s2);

        assertThat(lemmaOf(t1, s1, "met")).isEqualTo("meet");
        assertThat(tagOf(t1, s1, "met")).isEqualTo("VERB");
        assertThat(lemmaOf(t1, s1, "agreed")).isEqualTo("agree");
        assertThat(tagOf(t1, s1, "agreed")).isEqualTo("VERB");
        assertThat(lemmaOf(t1, s1, "talks")).isEqualTo("talk");
        assertThat(tagOf(t1, s1, "talks")).isEqualTo("NOUN");
        assertThat(lemmaOf(t2, s2, "seized")).isEqualTo("seize");
        assertThat(tagOf(t2, s2, "seized")).isEqualTo("VERB");
        assertThat(lemmaOf(t2, s2, "prisoners")).isEqualTo("prisoner");
        assertThat(tagOf(t2, s2, "prisoners")).isEqualTo("NOUN");
    }

    @Test
    void lemmasAreLowerCaseAndTagsAreUpos() {
        for (String s : SENTENCES) {
            Tagger.Tagged t = TAGGER.tag(tokens(s));
            assertThat(t.size()).isEqualTo(tokens(s).length);
            assertThat(t.tags()).allSatisfy(tag -> assertThat(UPOS).contains(tag));
            assertThat(t.lemmas()).allSatisfy(l -> assertThat(l).isEqualTo(l.toLowerCase(java.util.Locale.ROOT)));
        }
        Tagger.Tagged t = TAGGER.tag(tokens("Russia said the talks were held in Geneva"));
        assertThat(t.lemmas()).containsExactly("russia", "say", "the", "talk", "be", "hold", "in", "geneva");
        assertThat(t.tags()).containsExactly("PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP", "PROPN");
    }

    @Test
    void joinedTagsOfUnsplitContractionsKeepTheirHead() {
        String[] toks = tokens("I'm sure they can't agree");
        Tagger.Tagged t = TAGGER.tag(toks);

        assertThat(t.tags()).allSatisfy(tag -> assertThat(UPOS).contains(tag));
        assertThat(tagOf(t, toks, "I'm")).isEqualTo("PRON");
        assertThat(tagOf(t, toks, "can't")).isEqualTo("AUX");
        assertThat(lemmaOf(t, toks, "can't")).isEqualTo("can+not");
    }

    @Test
    void emptyAndOddInput() {
        assertThat(TAGGER.tag(new String[0])).isEqualTo(new Tagger.Tagged(new String[0], new String[0]));

        String[] odd = {"", " ", "\t", "\u0000", "\"", "“", "”", "'", "``", "''", "--", "—", "‐", "-", "1,200", "3.5",
                "%", "$", "#", "@user", "https://example.org/a?b=1", "U.S.", "...", "12:30", "ÉTATS", "New York",
                "\uD83D\uDE00", "\uD800", "x".repeat(5000), null};
        Tagger.Tagged t = TAGGER.tag(odd);

        assertThat(t.size()).isEqualTo(odd.length);
        assertThat(t.tags()).allSatisfy(tag -> assertThat(UPOS).contains(tag));
        assertThat(t.lemmas()).doesNotContainNull();
        assertThat(t.lemmas()[0]).isEmpty();
        assertThat(t.lemmas()[odd.length - 1]).isEmpty();
    }

    @Test
    void longSentences() {
        List<String> words = new ArrayList<>();
        while (words.size() < 300) {
            Collections.addAll(words, tokens(SENTENCES[words.size() % SENTENCES.length]));
        }
        String[] toks = words.subList(0, 300).toArray(String[]::new);

        Tagger.Tagged t = TAGGER.tag(toks);

        assertThat(t.size()).isEqualTo(300);
        assertThat(t.tags()).allSatisfy(tag -> assertThat(UPOS).contains(tag));
        assertThat(TAGGER.tag(new String[] {"talks"}).size()).isEqualTo(1);
    }

    @Property(tries = 200)
    void neverThrowsOnArbitraryTokens(@ForAll @Size(max = 60) List<@StringLength(max = 12) String> toks) {
        String[] in = toks.toArray(String[]::new);
        Tagger.Tagged t = TAGGER.tag(in);
        assertThat(t.size()).isEqualTo(in.length);
        assertThat(t.tags()).allSatisfy(tag -> assertThat(UPOS).contains(tag));
        assertThat(t.lemmas()).doesNotContainNull();
    }

    @Test
    void manyThreadsGetTheSingleThreadedAnswers() throws Exception {
        List<Tagger.Tagged> expected = new ArrayList<>();
        for (String s : SENTENCES) {
            expected.add(TAGGER.tag(tokens(s)));
        }
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Tagger.Tagged>>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int offset = w;
                Callable<List<Tagger.Tagged>> job = () -> {
                    start.await();
                    List<Tagger.Tagged> got = new ArrayList<>();
                    for (int round = 0; round < 8; round++) {
                        for (int i = 0; i < SENTENCES.length; i++) {
                            int k = (i + offset + round) % SENTENCES.length;
                            Tagger.Tagged t = TAGGER.tag(tokens(SENTENCES[k]));
                            if (!t.equals(expected.get(k))) {
                                got.add(t);
                            }
                        }
                    }
                    return got;
                };
                futures.add(pool.submit(job));
            }
            start.countDown();
            for (Future<List<Tagger.Tagged>> f : futures) {
                assertThat(f.get(2, TimeUnit.MINUTES)).as("answers that differ from the single-threaded ones").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
