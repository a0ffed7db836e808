package org.parley.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.parley.contracts.metrics.JvmMeters;

/** Pipeline counters in a Prometheus registry, next to the Kafka Streams metrics and the JVM's own. */
public final class MicrometerPipelineMetrics implements PipelineMetrics {
    private final PrometheusMeterRegistry registry = withJvmMetrics(new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT));
    private final Counter articles = Counter.builder("parley.articles").description("articles coded")
            .register(registry);
    private final Counter sentences = Counter.builder("parley.sentences").description("sentences coded")
            .register(registry);
    private final Counter events = Counter.builder("parley.events").description("event mentions coded")
            .register(registry);

    private final Counter deserializationDeadLetters = deadLetters("deserialization");
    private final Counter processingDeadLetters = deadLetters("processing");
    private final Counter productionDeadLetters = deadLetters("production");
    private final Counter limitedArticles = Counter.builder("parley.articles.limited")
            .description("articles of which only part was coded, for being over the limits").register(registry);
    private final Counter trimmedValues = Counter.builder("parley.values.trimmed")
            .description("events dropped or stored entries trimmed for being over the value-size limit")
            .register(registry);

    /** The JVM's meters as the standalone ingest and sink have them ({@link JvmMeters}). */
    private static PrometheusMeterRegistry withJvmMetrics(PrometheusMeterRegistry registry) {
        JvmMeters.bindTo(registry);
        return registry;
    }

    private Counter deadLetters(String stage) {
        return Counter.builder("parley.dead.letters").tag("stage", stage)
                .description("records the processor sent to the dead-letter topic").register(registry);
    }

    @Override
    public void deadLetter(String stage) {
        switch (stage) {
            case "processing" -> processingDeadLetters.increment();
            case "production" -> productionDeadLetters.increment();
            default -> deserializationDeadLetters.increment();
        }
    }

    public double deadLetters() {
        return deserializationDeadLetters.count() + processingDeadLetters.count() + productionDeadLetters.count();
    }

    @Override
    public void articleLimited() {
        limitedArticles.increment();
    }

    @Override
    public void valueTrimmed() {
        trimmedValues.increment();
    }

    public double limitedArticles() {
        return limitedArticles.count();
    }

    @Override
    public void articleCoded(int sentenceCount, int eventCount) {
        articles.increment();
        sentences.increment(sentenceCount);
        events.increment(eventCount);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public double articles() {
        return articles.count();
    }

    public double events() {
        return events.count();
    }
}
