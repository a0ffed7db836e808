package org.parley.processor.faults;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.parley.processor.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing threw (a bad article, a condemned record, a bug in the coder or an aggregator) goes
 * to the dead-letter topic with the reason, counted, and the stream goes on. Kafka's own failures (a send that
 * failed, a broken store) fail the thread instead: under exactly-once the open transaction is lost anyway, and
 * a dead letter written in it would be lost with it.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private PipelineMetrics metrics = PipelineMetrics.NONE;
    private String topic;
    private int maxValueBytes;

    @Override
    public void configure(Map<String, ?> configs) {
        metrics = PipelineMetrics.from(configs);
        topic = (String) configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        maxValueBytes = DeadLetterRecords.valueBound(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, Record<?, ?> record, Exception e) {
        String where = ctx.topic() + "-" + ctx.partition() + "@" + ctx.offset();
        if (e instanceof StreamsException) {
            LOG.error("stream failure while processing {} in {}; failing the thread", where, ctx.processorNodeId(), e);
            return Response.fail();
        }
        String reason = "processing failed in " + ctx.processorNodeId() + ": " + e.getMessage();
        LOG.warn("dead-lettering {}: {}", where, reason);
        metrics.deadLetter("processing");
        return Response.resume(topic == null ? List.of() : List.of(DeadLetterRecords.build(topic, ctx,
                ctx.sourceRawKey(), ctx.sourceRawValue(), e, reason, maxValueBytes)));
    }
}
