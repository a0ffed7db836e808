package org.parley.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.parley.common.Article;
import org.parley.common.DeadLetter;
import org.parley.common.DeadLetterHeaders;
import org.parley.common.JsonSerde;
import org.parley.common.ParleyConfig;
import org.parley.common.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles (key: article id) and ingest's dead letters.
 *
 * <p>The article producer is idempotent with {@code acks=all}, batches for {@code linger.ms} and compresses
 * with lz4. Sends are asynchronous; {@link #awaitAll()} waits for every pending one, so the caller counts an
 * article as published only once the broker has acknowledged it. A record the broker refuses on its own
 * (too large, invalid) comes back as a failed {@link Outcome}; anything that stops all publishing (the broker
 * is unreachable, authorisation fails) raises {@link PublishException}, within the timeouts set here rather
 * than hanging.
 */
public final class ArticlePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final JsonSerde<DeadLetter> DEAD_LETTER = JsonSerde.of(DeadLetter.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** The result of one article send. */
    public record Outcome(Article article, String origin, Exception error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final ParleyConfig config;
    private final Topic<String, Article> articles;
    private final Topic<byte[], byte[]> deadLetters;
    private final KafkaProducer<String, Article> producer;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Exception> fatal = new AtomicReference<>();
    private KafkaProducer<byte[], byte[]> deadLetterProducer;
    private volatile boolean deadLettersBroken;

    public ArticlePublisher(ParleyConfig config) {
        this.config = config;
        this.articles = config.topics().articles();
        this.deadLetters = config.topics().deadLetters();
        this.producer = new KafkaProducer<>(producerProperties(config, "parley-ingest"),
                articles.keySerde().serializer(), articles.valueSerde().serializer());
    }

    /** Client settings: delivery guarantees are fixed; throughput and timeouts may be tuned in the client file. */
    static Properties producerProperties(ParleyConfig config, String clientId) {
        Properties p = config.kafkaProperties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024));
        // Fail within seconds when the broker is unreachable instead of the default two minutes.
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        return p;
    }

    /** Sends one article; its outcome is reported by the next {@link #awaitAll()}. */
    public void send(Article article, String origin) {
        failIfFatal();
        pending.incrementAndGet();
        try {
            producer.send(new ProducerRecord<>(articles.name(), article.id(), article), (metadata, e) -> {
                if (e != null && !isRecordProblem(e)) {
                    fatal.compareAndSet(null, e);
                }
                outcomes.add(new Outcome(article, origin, e));
            });
        } catch (SerializationException e) {
            outcomes.add(new Outcome(article, origin, e));
        } catch (KafkaException e) {
            pending.decrementAndGet();
            throw unavailable(e);
        }
    }

    /** Sends whose outcome {@link #awaitAll()} has not reported yet. */
    public int pending() {
        return pending.get();
    }

    /** Waits until every article sent so far is acknowledged or failed, and returns their outcomes. */
    public List<Outcome> awaitAll() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw unavailable(e);
        }
        if (deadLetterProducer != null && !deadLettersBroken) {
            try {
                deadLetterProducer.flush();
            } catch (KafkaException e) {
                LOG.warn("could not flush dead letters to {}: {}", deadLetters.name(), e.getMessage());
            }
        }
        List<Outcome> done = new ArrayList<>();
        for (Outcome o = outcomes.poll(); o != null; o = outcomes.poll()) {
            done.add(o);
            pending.decrementAndGet();
        }
        failIfFatal();
        return done;
    }

    /**
     * Writes a dead letter, best effort: the rejection itself is already reported to the user, so a dead-letter
     * topic that cannot be written is logged once and then left alone rather than blocking every rejection.
     */
    public void deadLetter(DeadLetter letter) {
        if (deadLettersBroken) {
            return;
        }
        try {
            if (deadLetterProducer == null) {
                deadLetterProducer = new KafkaProducer<>(producerProperties(config, "parley-ingest-dlq"),
                        new ByteArraySerializer(), new ByteArraySerializer());
            }
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(deadLetters.name(),
                    letter.origin().getBytes(StandardCharsets.UTF_8), DEAD_LETTER.toBytes(letter));
            record.headers().add(DeadLetterHeaders.COMPONENT, letter.component().getBytes(StandardCharsets.UTF_8));
            record.headers().add(DeadLetterHeaders.ORIGIN, letter.origin().getBytes(StandardCharsets.UTF_8));
            deadLetterProducer.send(record, (metadata, e) -> {
                if (e != null && !deadLettersBroken) {
                    deadLettersBroken = !isRecordProblem(e);
                    LOG.warn("could not write dead letter for {} to {}: {}", letter.origin(), deadLetters.name(),
                            e.getMessage());
                }
            });
        } catch (KafkaException e) {
            deadLettersBroken = true;
            LOG.warn("cannot write dead letters to {}: {}", deadLetters.name(), e.getMessage());
        }
    }

    private static boolean isRecordProblem(Exception e) {
        return e instanceof RecordTooLargeException || e instanceof InvalidRecordException
                || e instanceof SerializationException;
    }

    private void failIfFatal() {
        Exception e = fatal.get();
        if (e != null) {
            throw unavailable(e);
        }
    }

    private PublishException unavailable(Exception e) {
        return new PublishException("cannot publish to " + articles.name() + " on " + config.bootstrapServers()
                + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            producer.close(CLOSE_TIMEOUT);
        } finally {
            if (deadLetterProducer != null) {
                deadLetterProducer.close(CLOSE_TIMEOUT);
            }
        }
    }
}
