package org.parley.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.parley.common.Article;
import org.parley.contracts.DeadLetter;
import org.parley.contracts.DeadLetterWriter;
import org.parley.contracts.KafkaOutage;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles (key: article id) and ingest's dead letters.
 *
 * <p>The article producer is idempotent with {@code acks=all}, batches for {@code linger.ms} and compresses
 * with lz4. Sends are asynchronous; {@link #awaitAll()} waits for every pending one, so the caller counts an
 * article as published only once the broker has acknowledged it. A record the broker refuses on its own
 * (too large, invalid) comes back as a failed {@link Outcome}; one that failed because Kafka could not be
 * reached comes back as an {@link Outcome#outage()}, for the caller to send again later.
 *
 * <p>Outages are not final: the publisher keeps one {@link KafkaOutage} (logged once when it starts and once
 * when it ends), the producers stay usable, and the first acknowledged send ends the outage. Dead letters that
 * could not be written for want of a broker are kept (up to {@link #MAX_HELD_DEAD_LETTERS}) and sent again
 * once a send gets through.
 */
public final class ArticlePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** Dead letters held back during an outage; beyond this the oldest are dropped (and counted in the log). */
    static final int MAX_HELD_DEAD_LETTERS = 10_000;

    /** The result of one article send. */
    public record Outcome(Article article, String origin, Exception error) {
        public boolean ok() {
            return error == null;
        }

        /** Failed because Kafka could not be reached, not because of the record: worth sending again. */
        public boolean outage() {
            return error != null && !isRecordProblem(error);
        }
    }

    private final KafkaSettings config;
    private final Topic<String, Article> articles;
    private final DeadLetterWriter deadLetters;
    private final KafkaProducer<String, Article> producer;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final KafkaOutage outage;

    public ArticlePublisher(KafkaSettings config) {
        this.config = config;
        this.articles = config.topics().articles();
        this.producer = new KafkaProducer<>(producerProperties(config, "parley-ingest"),
                articles.keySerde().serializer(), articles.valueSerde().serializer());
        this.outage = new KafkaOutage("Kafka at " + config.bootstrapServers() + " (ingest)", LOG);
        this.deadLetters = new DeadLetterWriter(config.topics().deadLetters().name(),
                producerProperties(config, "parley-ingest-dlq"), "parley-ingest-dlq", MAX_HELD_DEAD_LETTERS,
                outage::failed);
    }

    /** Client settings: delivery guarantees are fixed; throughput and timeouts may be tuned in the client file. */
    static Properties producerProperties(KafkaSettings config, String clientId) {
        Properties p = config.kafkaProperties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024));
        // Fail within seconds when the broker is unreachable instead of the default two minutes: the caller
        // then knows of the outage, answers 503 or tries again later.
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        return p;
    }

    /** The outage state shared by everything that publishes through this publisher. */
    public KafkaOutage outage() {
        return outage;
    }

    /**
     * Sends one article; its outcome is reported by the next {@link #awaitAll()}. Throws {@link PublishException}
     * when the producer cannot even queue it (no metadata within {@code max.block.ms}: Kafka is away).
     */
    public void send(Article article, String origin) {
        pending.incrementAndGet();
        try {
            producer.send(new ProducerRecord<>(articles.name(), article.id(), article),
                    (metadata, e) -> outcomes.add(new Outcome(article, origin, e)));
        } catch (SerializationException e) {
            outcomes.add(new Outcome(article, origin, e));
        } catch (KafkaException e) {
            pending.decrementAndGet();
            outage.failed(e);
            throw unavailable(e);
        }
    }

    /** Sends whose outcome {@link #awaitAll()} has not reported yet. */
    public int pending() {
        return pending.get();
    }

    /**
     * Waits until every article sent so far is acknowledged or failed, and returns their outcomes; outage
     * failures among them are for the caller to send again. Updates the outage state.
     */
    public List<Outcome> awaitAll() {
        producer.flush();
        List<Outcome> done = new ArrayList<>();
        for (Outcome o = outcomes.poll(); o != null; o = outcomes.poll()) {
            done.add(o);
            pending.decrementAndGet();
        }
        Outcome failed = done.stream().filter(Outcome::outage).findFirst().orElse(null);
        if (failed != null) {
            outage.failed(failed.error());
        } else if (done.stream().anyMatch(Outcome::ok)) {
            outage.succeeded();
        }
        if (!outage.isDown()) {
            deadLetters.resendHeld();
        }
        deadLetters.flush();
        return done;
    }

    /** The exception a caller throws when an outage stopped it. */
    public PublishException unavailable(Exception e) {
        return new PublishException("cannot publish to " + articles.name() + " on " + config.bootstrapServers()
                + ": " + e.getMessage(), e);
    }

    /**
     * Writes a dead letter. The rejection itself is already reported to the user, so this never blocks on an
     * outage: while Kafka is away the letter is held and sent once a send gets through again.
     */
    public void deadLetter(DeadLetter letter) {
        if (outage.isDown()) {
            deadLetters.hold(letter);
        } else {
            deadLetters.write(letter);
        }
    }

    /** Dead letters waiting for the broker to come back. */
    public int heldDeadLetters() {
        return deadLetters.held();
    }

    static boolean isRecordProblem(Exception e) {
        return DeadLetterWriter.isRecordProblem(e);
    }

    @Override
    public void close() {
        try {
            producer.close(CLOSE_TIMEOUT);
        } finally {
            deadLetters.close();
        }
    }
}
