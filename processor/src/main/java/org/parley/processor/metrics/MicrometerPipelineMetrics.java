package org.parley.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Pipeline counters in a Prometheus registry, next to the Kafka Streams metrics. */
public final class MicrometerPipelineMetrics implements PipelineMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter articles = Counter.builder("parley.articles").description("articles coded")
            .register(registry);
    private final Counter sentences = Counter.builder("parley.sentences").description("sentences coded")
            .register(registry);
    private final Counter events = Counter.builder("parley.events").description("event mentions coded")
            .register(registry);

    private final Counter deserializationDeadLetters = deadLetters("deserialization");
    private final Counter processingDeadLetters = deadLetters("processing");

    private Counter deadLetters(String stage) {
        return Counter.builder("parley.dead.letters").tag("stage", stage)
                .description("records the processor sent to the dead-letter topic").register(registry);
    }

    @Override
    public void deadLetter(String stage) {
        ("processing".equals(stage) ? processingDeadLetters : deserializationDeadLetters).increment();
    }

    public double deadLetters() {
        return deserializationDeadLetters.count() + processingDeadLetters.count();
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
