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
