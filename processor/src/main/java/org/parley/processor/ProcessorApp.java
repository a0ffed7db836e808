package org.parley.processor;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.parley.coder.EventCoder;
import org.parley.contracts.TopicAdmin;
import org.parley.contracts.Topics;
import org.parley.processor.api.HttpApi;
import org.parley.processor.coding.CoderWarmUp;
import org.parley.processor.faults.StreamFaults;
import org.parley.processor.live.LiveFeed;
import org.parley.processor.metrics.MicrometerPipelineMetrics;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.metrics.StanceLatency;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.subscribe.DerivedTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the processor: the Kafka Streams app, its HTTP API (queries, live streams, dashboard) and the live feeds.
 * The HTTP port is bound in the constructor, so that the actual port (when the config asks for port 0) is what
 * other instances are told in {@code application.server}.
 */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);
    /** Records each live feed keeps in memory for clients that resume with Last-Event-ID. */
    public static final int LIVE_BUFFER = 5_000;
    /** Rounds of the coder's warm-up at most (about 1,400 sentences): in a warm JVM they take a tenth of a second. */
    static final int WARM_UP_ROUNDS = 40;

    private final ProcessorSettings config;
    private final EventCoder coder;
    private final List<DerivedTopic> derived;
    private final MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics();
    private final StreamFaults faults = new StreamFaults();
    private final Topology topology;
    private final KafkaStreams streams;
    private final HttpApi http;
    private final LiveFeed stanceFeed;
    private final LiveFeed eventFeed;
    private KafkaStreamsMetrics streamsMetrics;
    private volatile CoderWarmUp.Result coderWarmUp;

    public ProcessorApp(ProcessorSettings config, EventCoder coder, StanceSettings stance) {
        this.config = config;
        this.coder = coder;
        this.derived = config.derived();
        ProcessorLimits limits = config.limits();
        this.topology = ParleyTopology.buildTopology(config.topics(), coder, stance, metrics, this.derived,
                limits, faults, Clock.systemUTC(), config.kafka().partitions());
        this.http = new HttpApi(config, metrics.registry(), limits.maxSseClients(), faults::degraded);
        HostInfo self = null;
        if (config.httpPort() >= 0) {
            http.start();
            self = new HostInfo(advertisedHost(config), http.port());
        }
        try {
            Properties props = StreamsSettings.of(config, self == null ? null : self.host() + ":" + self.port(),
                    limits, faults);
            props.put(PipelineMetrics.CONFIG, metrics);
            this.streams = new KafkaStreams(topology, props);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        this.http.attach(streams, self);
        Topics t = config.topics();
        this.stanceFeed = new LiveFeed("stance", config.kafkaProperties(),
                Map.of(t.dyadStance().name(), "dyad", t.countryStance().name(), "country"), LIVE_BUFFER);
        this.eventFeed = new LiveFeed("events", config.kafkaProperties(), Map.of(t.events().name(), "event"),
                LIVE_BUFFER);
        this.http.attachFeeds(stanceFeed, eventFeed);
        new StanceLatency(metrics.registry()).observe(eventFeed, stanceFeed);
    }

    private static String advertisedHost(ProcessorSettings config) {
        return "0.0.0.0".equals(config.httpBind()) ? "localhost" : config.httpBind();
    }

    /**
     * Creates the topics if needed, warms the coder up if asked ({@link ProcessorSettings#coderWarmUpMs}; off by
     * default), starts the live feeds and the stream threads, and returns: the processor reports RUNNING (and
     * {@code /health} 200) only after the warm-up.
     */
    public ProcessorApp start() {
        warmUpCoder();
        TopicAdmin.ensureTopics(config.kafka());
        TopicAdmin.ensureTopics(config.kafka(), derived.stream().map(DerivedTopic::name).toList());
        streams.setUncaughtExceptionHandler(e -> {
            // Called on the dying thread. The replacement rewinds to the last commit; a record that keeps
            // killing threads is condemned (StreamFaults) and dead-lettered instead of being read forever.
            StreamFaults.Position blamed = faults.threadDied(e);
            LOG.error("stream thread failed{}; replacing it", blamed == null ? "" : " on record " + blamed, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        if (config.httpPort() >= 0) {
            stanceFeed.start();
            eventFeed.start();
        }
        streams.start();
        return this;
    }

    private void warmUpCoder() {
        if (config.coderWarmUpMs() == 0) {
            return;
        }
        try {
            CoderWarmUp.Result r = CoderWarmUp.run(coder, config.coderWarmUpMs(), WARM_UP_ROUNDS);
            LOG.info("coder warmed up: {} sentences in {} rounds, {} ms (a round took {} ms at first, {} ms at the"
                    + " end)", r.sentences(), r.rounds(), r.millis(), Math.round(r.firstRoundMs()),
                    Math.round(r.lastRoundMs()));
            coderWarmUp = r;
        } catch (RuntimeException e) {
            LOG.warn("the coder's warm-up failed; starting without it", e);
        }
    }

    /** What the coder's warm-up in {@link #start} did, or null when there was none (or it failed). */
    public CoderWarmUp.Result coderWarmUp() {
        return coderWarmUp;
    }

    /** Every topic the processor reads, internal ones included (see {@link InternalTopics#inputs}). */
    public List<String> inputTopics() {
        return InternalTopics.inputs(topology, config.applicationId());
    }

    public ProcessorSettings settings() {
        return config;
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

    /** Takes {@code POST /api/articles} on this processor's HTTP port with {@code intake}. */
    public void mountArticleIntake(io.javalin.http.Handler intake) {
        http.mountArticleIntake(intake);
    }

    public MicrometerPipelineMetrics metrics() {
        return metrics;
    }

    public StreamFaults faults() {
        return faults;
    }

    public List<DerivedTopic> derivedTopics() {
        return derived;
    }

    /** True once both live feeds have read what their topics held at start, so new records reach SSE clients. */
    public boolean liveFeedsReady() {
        return stanceFeed.caughtUp() && eventFeed.caughtUp();
    }

    @Override
    public void close() {
        // Leave the group on a clean stop, so the other instances take over at once rather than after the
        // session timeout (Kafka Streams keeps a closing member in the group by default).
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        stanceFeed.close();
        eventFeed.close();
        http.close();
    }
}
