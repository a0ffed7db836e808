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

/** The OpenNLP POS tagger: UPOS tags, joined tags, sharing between threads, odd input. Base forms: {@link LemmasTest}. */
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

    private static String tagOf(String[] tags, String[] toks, String word) {
        return tags[List.of(toks).indexOf(word)];
    }

    @Test
    void tellsTheVerbFromTheNoun() {
        assertThat(TAGGER.posTags(tokens("Russia released a statement"))).containsExactly("PROPN", "VERB", "DET", "NOUN");
        assertThat(TAGGER.posTags(tokens("the release of prisoners"))).containsExactly("DET", "NOUN", "ADP", "NOUN");
    }

    @Test
    void tagsVerbsAndPluralNouns() {
        String[] s1 = tokens("Putin met Erdogan and they agreed to hold talks .");
        String[] s2 = tokens("Troops seized the town and freed the prisoners .");

        String[] t1 = TAGGER.posTags(s1);
        String[] t2 = TAGGER.posTags(s2);

        assertThat(tagOf(t1, s1, "met")).isEqualTo("VERB");
        assertThat(tagOf(t1, s1, "agreed")).isEqualTo("VERB");
        assertThat(tagOf(t1, s1, "talks")).isEqualTo("NOUN");
        assertThat(tagOf(t2, s2, "seized")).isEqualTo("VERB");
        assertThat(tagOf(t2, s2, "prisoners")).isEqualTo("NOUN");
    }

    @Test
    void tagsAreUpos() {
        for (String s : SENTENCES) {
            String[] tags = TAGGER.posTags(tokens(s));
            assertThat(tags).hasSize(tokens(s).length);
            assertThat(tags).allSatisfy(tag -> assertThat(UPOS).contains(tag));
        }
        assertThat(TAGGER.posTags(tokens("Russia said the talks were held in Geneva")))
                .containsExactly("PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP", "PROPN");
    }

    @Test
    void joinedTagsOfUnsplitContractionsKeepTheirHead() {
        String[] toks = tokens("I'm sure they can't agree");
        String[] tags = TAGGER.posTags(toks);

        assertThat(tags).allSatisfy(tag -> assertThat(UPOS).contains(tag));
        assertThat(tagOf(tags, toks, "I'm")).isEqualTo("PRON");
        assertThat(tagOf(tags, toks, "can't")).isEqualTo("AUX");
    }

    @Test
    void emptyAndOddInput() {
        assertThat(TAGGER.posTags(new String[0])).isEmpty();

        String[] odd = {"", " ", "\t", "\u0000", "\"", "“", "”", "'", "``", "''", "--", "—", "‐", "-", "1,200", "3.5",
                "%", "$", "#", "@user", "https://example.org/a?b=1", "U.S.", "...", "12:30", "ÉTATS", "New York",
                "\uD83D\uDE00", "\uD800", "x".repeat(5000), null};
        String[] copy = odd.clone();
        String[] tags = TAGGER.posTags(odd);

        assertThat(tags).hasSize(odd.length);
        assertThat(tags).allSatisfy(tag -> assertThat(UPOS).contains(tag));
        assertThat(odd).as("the caller's tokens are left alone").containsExactly(copy);
    }

    @Test
    void longSentences() {
        List<String> words = new ArrayList<>();
        while (words.size() < 300) {
            Collections.addAll(words, tokens(SENTENCES[words.size() % SENTENCES.length]));
        }
        String[] toks = words.subList(0, 300).toArray(String[]::new);

        String[] tags = TAGGER.posTags(toks);

        assertThat(tags).hasSize(300);
        assertThat(tags).allSatisfy(tag -> assertThat(UPOS).contains(tag));
        assertThat(TAGGER.posTags(new String[] {"talks"})).hasSize(1);
    }

    @Property(tries = 200)
    void neverThrowsOnArbitraryTokens(@ForAll @Size(max = 60) List<@StringLength(max = 12) String> toks) {
        String[] in = toks.toArray(String[]::new);
        String[] tags = TAGGER.posTags(in);
        assertThat(tags).hasSize(in.length);
        assertThat(tags).allSatisfy(tag -> assertThat(UPOS).contains(tag));
    }

    @Test
    void manyThreadsGetTheSingleThreadedAnswers() throws Exception {
        List<List<String>> expected = new ArrayList<>();
        for (String s : SENTENCES) {
            expected.add(List.of(TAGGER.posTags(tokens(s))));
        }
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<List<String>>>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int offset = w;
                Callable<List<List<String>>> job = () -> {
                    start.await();
                    List<List<String>> got = new ArrayList<>();
                    for (int round = 0; round < 8; round++) {
                        for (int i = 0; i < SENTENCES.length; i++) {
                            int k = (i + offset + round) % SENTENCES.length;
                            List<String> t = List.of(TAGGER.posTags(tokens(SENTENCES[k])));
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
            for (Future<List<List<String>>> f : futures) {
                assertThat(f.get(2, TimeUnit.MINUTES)).as("answers that differ from the single-threaded ones").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The decoder gives the tags of OpenNLP's own tagger with the same greedy model, token for token, on every wire
     * sentence and on the seed article's sentences (about 4,000 tokens).
     */
    @Test
    void greedyDecoderGivesTheLibrarysTags() throws Exception {
        opennlp.tools.postag.POSTaggerME reference = TAGGER.referenceTagger();
        List<String> texts = new ArrayList<>();
        WireSentencesTest.sentences().forEach(l -> texts.add(l.sentence()));
        texts.addAll(List.of(java.nio.file.Files.readString(
                java.nio.file.Path.of("../seeds/000_5d88cda59b529f56.txt")).split("(?<=[.!?])\\s+")));
        GreedyPosDecoder decoder = new GreedyPosDecoder(TAGGER.model());
        int tokens = 0;
        for (String text : texts) {
            String[] toks = text.split("\\s+|(?=[,.;:\"'?!()])|(?<=[\"(])");
            assertThat(decoder.tag(toks)).as(text).containsExactly(reference.tag(toks));
            tokens += toks.length;
        }
        assertThat(tokens).isGreaterThan(3000);
    }
}
