package org.parley.processor.metrics;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** Kafka's log-and-continue (which also writes the dead letter, KIP-1034), counted in the pipeline metrics. */
public final class CountingDeserializationHandler extends LogAndContinueExceptionHandler {
    private PipelineMetrics metrics = PipelineMetrics.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = PipelineMetrics.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        Response r = super.handleError(context, record, exception);
        metrics.deadLetter("deserialization");
        return r;
    }
}
