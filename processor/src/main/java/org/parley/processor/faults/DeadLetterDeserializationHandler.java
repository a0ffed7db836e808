package org.parley.processor.faults;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.parley.processor.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An unreadable record goes to the dead-letter topic with the reason, counted, and the stream goes on. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
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
    public Response handleError(ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> record, Exception e) {
        String reason = "unreadable record: " + e.getMessage();
        LOG.warn("dead-lettering {}-{}@{}: {}", ctx.topic(), ctx.partition(), ctx.offset(), reason);
        metrics.deadLetter("deserialization");
        return Response.resume(topic == null ? List.of()
                : List.of(DeadLetterRecords.build(topic, ctx, record.key(), record.value(), e, reason, maxValueBytes)));
    }
}
