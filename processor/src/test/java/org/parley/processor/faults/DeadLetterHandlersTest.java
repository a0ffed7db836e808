package org.parley.processor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.parley.contracts.DeadLetterHeaders;
import org.parley.processor.ProcessorLimits;

class DeadLetterHandlersTest {
    private static final String DLQ = "t.dlq";

    /** The context of a record read from t.articles partition 0 offset 5; timestamp -1 as Kafka gives outside processing. */
    private record Ctx(byte[] sourceRawKey, byte[] sourceRawValue, long timestamp) implements ErrorHandlerContext {
        @Override
        public String topic() {
            return "t.articles";
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 5;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "file-recent-events";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }
    }

    /** What Kafka gives for a changelog send: no input position, only the task. */
    private record Unplaced() implements ErrorHandlerContext {
        @Override
        public String topic() {
            return null;
        }

        @Override
        public int partition() {
            return -1;
        }

        @Override
        public long offset() {
            return -1;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return null;
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        @Override
        public long timestamp() {
            return -1;
        }

        @Override
        public byte[] sourceRawKey() {
            return null;
        }

        @Override
        public byte[] sourceRawValue() {
            return null;
        }
    }

    private static final Ctx CTX = new Ctx(utf8("a1"), utf8("{\"id\":\"a1\"}"), -1);

    private static Map<String, Object> configs(StreamFaults faults, int maxValueBytes) {
        Map<String, Object> c = new HashMap<>();
        c.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ);
        c.put(StreamFaults.CONFIG, faults);
        c.put(ProcessorLimits.CONFIG, new ProcessorLimits(10, 10, maxValueBytes, 1));
        return c;
    }

    @Test
    void aRecordTooLargeToSendCondemnsItsInputAndFailsTheThread() {
        StreamFaults faults = new StreamFaults();
        DeadLetterProductionHandler h = new DeadLetterProductionHandler();
        h.configure(configs(faults, 4096));
        var response = h.handleError(CTX, new ProducerRecord<>("app-recent-events-changelog", utf8("NOR|0"),
                new byte[2_000_000]), new RecordTooLargeException("The message is 2000123 bytes"));
        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(faults.condemnedReason(new StreamFaults.Position("t.articles", 0, 5)))
                .contains("2000005 bytes", "app-recent-events-changelog", "producer refused");
    }

    @Test
    void aChangelogRecordTooLargeIsBlamedOnTheRecordItsTaskIsProcessingOnThisThreadOnly() throws Exception {
        StreamFaults faults = new StreamFaults();
        DeadLetterProductionHandler h = new DeadLetterProductionHandler();
        h.configure(configs(faults, 4096));
        StreamFaults.Position at9 = new StreamFaults.Position("t.articles", 0, 9);
        faults.entered(new TaskId(0, 0), at9);
        var tooLarge = new ProducerRecord<>("app-recent-events-changelog", utf8("NOR|0"), new byte[10]);

        // Reported later, on the producer's own thread: the task may have moved on, so nothing is condemned.
        Thread producerThread = new Thread(() -> h.handleError(new Unplaced(), tooLarge,
                new RecordTooLargeException("too large")));
        producerThread.start();
        producerThread.join();
        assertThat(faults.condemnedReason(at9)).isNull();

        assertThat(h.handleError(new Unplaced(), tooLarge, new RecordTooLargeException("too large")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(faults.condemnedReason(at9)).contains("producer refused: too large");
    }

    @Test
    void transientSendErrorsAreRetried() {
        DeadLetterProductionHandler h = new DeadLetterProductionHandler();
        h.configure(configs(new StreamFaults(), 4096));
        assertThat(h.handleError(CTX, new ProducerRecord<>("t.events", utf8("e"), utf8("v")),
                new NotEnoughReplicasException("later")).result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
    }

    @Test
    void aValueThatCannotBeSerializedDeadLettersItsInputAndTheStreamGoesOn() {
        DeadLetterProductionHandler h = new DeadLetterProductionHandler();
        h.configure(configs(new StreamFaults(), 4096));
        var response = h.handleSerializationError(CTX, new ProducerRecord<>("t.events", "e", "v"),
                new SerializationException("NaN"), ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);
        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo(DLQ);
        assertThat(dead.timestamp()).as("no -1 timestamp: the broker stamps it").isNull();
        assertThat(dead.value()).isEqualTo(CTX.sourceRawValue());
        assertThat(header(dead, DeadLetterHeaders.MESSAGE)).contains("cannot serialize the value", "t.events", "NaN");
        assertThat(header(dead, DeadLetterHeaders.ORIGIN)).isEqualTo("t.articles-0@5");
        assertThat(header(dead, DeadLetterHeaders.COMPONENT)).isEqualTo("processor");
    }

    @Test
    void processingErrorsAreDeadLetteredButKafkasOwnFailuresFailTheThread() {
        DeadLetterProcessingHandler h = new DeadLetterProcessingHandler();
        h.configure(configs(new StreamFaults(), 4096));
        var bad = h.handleError(CTX, new Record<>("a1", "x", 0L), new IllegalArgumentException("article has no id"));
        assertThat(bad.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(header(bad.deadLetterQueueRecords().get(0), DeadLetterHeaders.MESSAGE))
                .contains("file-recent-events", "article has no id");
        var kafka = h.handleError(CTX, new Record<>("a1", "x", 0L), new StreamsException("send failed"));
        assertThat(kafka.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(kafka.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void aDeadLetterLeavesOutAnOriginalValueOverTheLimitAndSaysWhereItIs() {
        Ctx big = new Ctx(utf8("huge"), new byte[5000], 1234L);
        ProducerRecord<byte[], byte[]> dead = DeadLetterRecords.build(DLQ, big, big.sourceRawKey(),
                big.sourceRawValue(), new IllegalStateException("x"), "poison", 4096);
        assertThat(dead.value()).isNull();
        assertThat(dead.key()).isEqualTo(utf8("huge"));
        assertThat(dead.timestamp()).isEqualTo(1234L);
        assertThat(header(dead, DeadLetterHeaders.MESSAGE)).isEqualTo("poison (the original value, 5000 bytes, is "
                + "over the 4096-byte limit and left out: read it at t.articles-0@5)");
    }

    @Test
    void theDeadLetterValueBoundNeverExceedsWhatTheProducerCanSend() {
        Map<String, Object> c = configs(new StreamFaults(), 64 * 1024 * 1024);
        assertThat(DeadLetterRecords.valueBound(c)).isEqualTo(1024 * 1024 - DeadLetterRecords.HEADROOM);
        c.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), "8388608");
        assertThat(DeadLetterRecords.valueBound(c)).isEqualTo(8 * 1024 * 1024 - DeadLetterRecords.HEADROOM);
        assertThat(DeadLetterRecords.valueBound(configs(new StreamFaults(), 4096))).isEqualTo(4096);
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
