package org.parley.processor.faults;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * First step after a source: notes which record the task is on (so a thread death can be blamed on it), and
 * throws a condemned record out before it is processed; the processing exception handler dead-letters it with
 * the reason and the stream goes on with the next record.
 */
public final class PoisonGuard<K, V> implements FixedKeyProcessor<K, V, V> {
    private final StreamFaults faults;
    private FixedKeyProcessorContext<K, V> context;

    public PoisonGuard(StreamFaults faults) {
        this.faults = faults;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        RecordMetadata m = context.recordMetadata().orElse(null);
        if (m != null) {
            StreamFaults.Position p = new StreamFaults.Position(m.topic(), m.partition(), m.offset());
            faults.entered(context.taskId(), p);
            String reason = faults.condemnedReason(p);
            if (reason != null) {
                throw new PoisonRecordException("record " + p + " is not processed: " + reason);
            }
        }
        context.forward(record);
    }

    /** A condemned record, thrown out for the processing exception handler to dead-letter. */
    public static final class PoisonRecordException extends RuntimeException {
        public PoisonRecordException(String message) {
            super(message);
        }
    }
}
