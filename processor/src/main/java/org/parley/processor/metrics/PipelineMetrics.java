package org.parley.processor.metrics;

/** Counters the topology feeds; the HTTP layer exposes them on /metrics. */
public interface PipelineMetrics {
    /**
     * Streams property under which {@code ProcessorApp} hands its metrics to the dead-letter handlers (Kafka
     * instantiates those itself and passes them the original properties, objects included).
     */
    String CONFIG = "parley.pipeline.metrics";

    PipelineMetrics NONE = new PipelineMetrics() {
        @Override
        public void articleCoded(int sentences, int events) {
        }
    };

    void articleCoded(int sentences, int events);

    /**
     * A record went to the dead-letter topic; {@code stage} is {@code deserialization}, {@code processing} or
     * {@code production}.
     */
    default void deadLetter(String stage) {
    }

    /** An article went over a {@code ProcessorLimits} bound: some of its sentences or events were left out. */
    default void articleLimited() {
    }

    /** An event or a stored entry was over the value-size bound and was dropped or trimmed. */
    default void valueTrimmed() {
    }

    /** The metrics handed over in {@link #CONFIG}, or {@link #NONE}. */
    static PipelineMetrics from(java.util.Map<String, ?> configs) {
        Object m = configs.get(CONFIG);
        return m instanceof PipelineMetrics p ? p : NONE;
    }
}
