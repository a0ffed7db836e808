package org.parley.processor.metrics;

/** Counters the topology feeds; the HTTP layer exposes them on /metrics. */
public interface PipelineMetrics {
    PipelineMetrics NONE = new PipelineMetrics() {
        @Override
        public void articleCoded(int sentences, int events) {
        }
    };

    void articleCoded(int sentences, int events);
}
