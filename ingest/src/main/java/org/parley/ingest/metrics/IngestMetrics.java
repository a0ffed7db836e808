package org.parley.ingest.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.parley.ingest.IngestApp;
import org.parley.ingest.Ingestor;

/**
 * The long-running ingest's meters, read from its running totals at each scrape (nothing to keep in step): the
 * counts live in the sources' summaries, so the meters can never disagree with the summary line. The meters hold the
 * app and the ingestor themselves: Micrometer keeps only weak references, and those two are what the caller keeps.
 */
public final class IngestMetrics {
    private IngestMetrics() {
    }

    /**
     * Registers {@code parley_ingest_articles_published_total}, {@code parley_ingest_duplicates_skipped_total},
     * {@code parley_ingest_dead_letters_total} and {@code parley_ingest_kafka_down} (1 during an outage).
     */
    public static void bind(MeterRegistry registry, IngestApp app, Ingestor ingestor) {
        FunctionCounter.builder("parley.ingest.articles.published", app, a -> a.total().published())
                .description("articles the broker acknowledged on the articles topic").register(registry);
        FunctionCounter.builder("parley.ingest.duplicates.skipped", app, a -> a.total().duplicates())
                .description("articles not sent again because this ingest had already sent their text")
                .register(registry);
        FunctionCounter.builder("parley.ingest.dead.letters", app, a -> a.total().rejected().size())
                .description("inputs rejected and written to the dead-letter topic").register(registry);
        Gauge.builder("parley.ingest.kafka.down", ingestor, i -> i.kafkaDown() ? 1 : 0)
                .description("1 while Kafka cannot be reached (articles wait or are refused), else 0")
                .register(registry);
    }
}
