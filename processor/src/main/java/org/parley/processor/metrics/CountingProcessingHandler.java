package org.parley.processor.metrics;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/** Kafka's log-and-continue for processing errors (dead letter included), counted in the pipeline metrics. */
public final class CountingProcessingHandler extends LogAndContinueProcessingExceptionHandler {
    private PipelineMetrics metrics = PipelineMetrics.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = PipelineMetrics.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Response r = super.handleError(context, record, exception);
        metrics.deadLetter("processing");
        return r;
    }
}
