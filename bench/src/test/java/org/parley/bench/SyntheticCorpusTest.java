package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.coder.CodedArticle;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Event;

class SyntheticCorpusTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static EventCoder coder;

    @BeforeAll
    static void loadCoder() {
        coder = EventCoder.withDefaultDictionaries();
    }

    @Test
    void sameSeedSameArticlesAndEachArticleAlone() {
        List<Article> a = new SyntheticCorpus(7).articles(0, 20, NOW);
        List<Article> b = new SyntheticCorpus(7).articles(0, 20, NOW);
        assertThat(a).isEqualTo(b);
        // article i does not depend on the articles generated before it
        assertThat(new SyntheticCorpus(7).article(13, NOW)).isEqualTo(a.get(13));
        assertThat(new SyntheticCorpus(8).article(13, NOW).text()).isNotEqualTo(a.get(13).text());
    }

    @Test
    void everyArticleDistinct() {
        List<Article> articles = new SyntheticCorpus(7).articles(0, 300, NOW);
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        articles.forEach(x -> {
            ids.add(x.id());
            texts.add(x.text());
        });
        assertThat(ids).hasSize(300);
        assertThat(texts).hasSize(300);
    }

    @Test
    void articlesOfAboutThirtySentencesMostOfWhichCodeNoEvent() {
        long sentences = 0;
        long sentencesWithEvents = 0;
        long events = 0;
        long withTarget = 0;
        Set<String> codes = new HashSet<>();
        Set<String> dyads = new HashSet<>();
        int n = 200;
        for (Article a : new SyntheticCorpus(11).articles(0, n, NOW)) {
            CodedArticle c = CoderThroughput.code(coder, a);
            assertThat(c.sentenceCount()).as(a.id()).isBetween(SyntheticCorpus.MIN_SENTENCES,
                    SyntheticCorpus.MAX_SENTENCES + 1);
            sentences += c.sentenceCount();
            sentencesWithEvents += c.events().stream().mapToInt(Event::sentenceIndex).distinct().count();
            events += c.events().size();
            for (Event e : c.events()) {
                codes.add(e.cameo());
                if (e.target() != null) {
                    withTarget++;
                    dyads.add(e.dyadKey());
                }
            }
        }
        double perArticle = (double) sentences / n;
        double noEventShare = 1 - (double) sentencesWithEvents / sentences;
        assertThat(perArticle).isBetween(28.0, 33.0);
        assertThat(noEventShare).isBetween(0.55, 0.75);
        // events really come out, of many kinds and between many pairs
        assertThat(events).isGreaterThan(5L * n);
        assertThat((double) withTarget / events).isGreaterThan(0.8);
        assertThat(codes.size()).isGreaterThan(12);
        assertThat(dyads.size()).isGreaterThan(300);
    }

    @Test
    void latencyArticlesEachCauseUpdatesOfTheirOwn() {
        SyntheticCorpus corpus = new SyntheticCorpus(3);
        List<Article> articles = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            articles.add(corpus.article(PipelineLatency.LATENCY_INDEX_BASE + i,
                    PipelineLatency.latencyDay(i), NOW));
        }
        List<Set<String>> expected = PipelineLatency.expectedNewEventIds(articles, coder);
        assertThat(expected).hasSize(50);
        assertThat(expected.stream().filter(Set::isEmpty).count()).isLessThan(3);
        Set<String> all = new HashSet<>();
        expected.forEach(s -> assertThat(all.addAll(s)).isTrue());
    }
}
