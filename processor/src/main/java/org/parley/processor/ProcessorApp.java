package org.parley.processor;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.parley.coder.EventCoder;
import org.parley.common.ParleyConfig;
import org.parley.common.TopicAdmin;
import org.parley.processor.api.HttpApi;
import org.parley.processor.metrics.MicrometerPipelineMetrics;
import org.parley.processor.stance.StanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the processor: the Kafka Streams app and its HTTP API. */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);

    private final ParleyConfig config;
    private final MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics();
    private final KafkaStreams streams;
    private final HttpApi http;
    private KafkaStreamsMetrics streamsMetrics;

    public ProcessorApp(ParleyConfig config, EventCoder coder, StanceSettings stance) {
        this.config = config;
        Topology topology = ParleyTopology.buildTopology(config.topics(), coder, stance, metrics);
        this.http = new HttpApi(config, metrics.registry());
        Properties props = StreamsSettings.of(config, config.httpPort() > 0 ? advertisedHttp(config) : null);
        this.streams = new KafkaStreams(topology, props);
        this.http.attach(streams);
    }

    private static String advertisedHttp(ParleyConfig config) {
        String host = "0.0.0.0".equals(config.httpBind()) ? "localhost" : config.httpBind();
        return host + ":" + config.httpPort();
    }

    /** Creates the topics if needed, starts the HTTP API and the stream threads. Returns at once. */
    public ProcessorApp start() {
        TopicAdmin.ensureTopics(config);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        if (config.httpPort() >= 0) {
            http.start();
        }
        streams.start();
        return this;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The port the HTTP API listens on (useful when the config asked for port 0), or -1 when it is off. */
    public int httpPort() {
        return http.port();
    }

    public MicrometerPipelineMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        http.close();
    }
}
