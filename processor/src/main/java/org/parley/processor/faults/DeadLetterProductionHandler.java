package org.parley.processor.faults;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.parley.processor.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output that cannot be written. A value that cannot be serialized is dead-lettered (its input record, with
 * the reason) and the stream goes on: nothing was sent, so the transaction is intact. A record the producer
 * refuses as too large cannot be skipped under exactly-once (the producer has already doomed the transaction),
 * so the input record that made it is condemned and the thread fails; its replacement rewinds, and the guard
 * dead-letters that input when it comes round again. Transient errors are retried.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private PipelineMetrics metrics = PipelineMetrics.NONE;
    private StreamFaults faults = new StreamFaults();
    private String topic;
    private int maxValueBytes;

    @Override
    public void configure(Map<String, ?> configs) {
        metrics = PipelineMetrics.from(configs);
        faults = StreamFaults.from(configs);
        topic = (String) configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        maxValueBytes = DeadLetterRecords.valueBound(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, ProducerRecord<byte[], byte[]> record, Exception e) {
        if (e instanceof RetriableException) {
            return Response.retry();
        }
        // A changelog record is sent without its input's position in the context, hence the fallback to the
        // record the task is processing on this thread.
        StreamFaults.Position input = ctx.topic() != null && ctx.offset() >= 0
                ? new StreamFaults.Position(ctx.topic(), ctx.partition(), ctx.offset())
                : faults.processingHere(ctx.taskId());
        if (e instanceof RecordTooLargeException && input != null) {
            int size = (record.key() == null ? 0 : record.key().length)
                    + (record.value() == null ? 0 : record.value().length);
            faults.condemn(input, "it made a record of " + size + " bytes for " + record.topic()
                    + " that the producer refused: " + e.getMessage());
        }
        LOG.error("cannot write a record to {} (input {}); failing the thread", record.topic(), input, e);
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext ctx, ProducerRecord record, Exception e,
                                             SerializationExceptionOrigin origin) {
        String reason = "cannot serialize the " + origin.name().toLowerCase(java.util.Locale.ROOT) + " of a record for "
                + record.topic() + ": " + e.getMessage();
        LOG.warn("dead-lettering {}-{}@{}: {}", ctx.topic(), ctx.partition(), ctx.offset(), reason);
        metrics.deadLetter("production");
        return Response.resume(topic == null ? List.of() : List.of(DeadLetterRecords.build(topic, ctx,
                ctx.sourceRawKey(), ctx.sourceRawValue(), e, reason, maxValueBytes)));
    }
}
