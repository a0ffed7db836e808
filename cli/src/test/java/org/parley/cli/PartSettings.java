package org.parley.cli;

import java.time.Duration;
import org.parley.coder.EventCoder;
import org.parley.pipeline.LocalPipeline;
import org.parley.processor.ProcessorSettings;
import org.parley.sink.SinkSettings;
import org.parley.testkit.KafkaFixture;

/** The parts' settings for one end-to-end test: the test's Kafka, application id and directories. */
public final class PartSettings {
    private PartSettings() {
    }

    public static ProcessorSettings processor(KafkaFixture kafka) {
        return ProcessorSettings.of(kafka.config()).withApplicationId(kafka.applicationId())
                .withStateDir(kafka.stateDir());
    }

    public static SinkSettings sink(KafkaFixture kafka) {
        return SinkSettings.of(kafka.config(), kafka.outDir());
    }

    /** The processor (with {@code processor}'s settings) and the sink on the test's broker, the processor running. */
    public static LocalPipeline pipeline(KafkaFixture kafka, ProcessorSettings processor, Duration timeout) {
        LocalPipeline pipeline = LocalPipeline.onBroker(kafka.bootstrapServers());
        try {
            pipeline.startProcessor(processor, EventCoder.withDefaultDictionaries());
            pipeline.startSink(sink(kafka));
            pipeline.awaitProcessorRunning(timeout);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }
}
