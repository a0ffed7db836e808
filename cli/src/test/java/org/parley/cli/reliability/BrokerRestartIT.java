package org.parley.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.cli.PartSettings;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.contracts.TopicAdmin;
import org.parley.local.EmbeddedKafka;
import org.parley.processor.ProcessorApp;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.stance.StanceSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * The broker stops in the middle of a stream and comes back on the same data directory and port. A producer keeps
 * sending throughout (idempotent, retrying until {@code delivery.timeout.ms}), and the processor rides it out: in
 * the end every article is on the topic once, every article is coded, and the aggregates equal those of a run
 * that never saw the broker go away (on the test JVM's other broker).
 */
@WithKafka
class BrokerRestartIT {
    private static final int ARTICLES = 160;

    @BeforeAll
    static void quietExpectedWarnings() {
        Configurator.setLevel("org.apache.kafka.streams.kstream.internals.KStreamWindowAggregate", Level.ERROR);
        // While the broker is away and just after, every client retries and the broker rejects stale producer
        // sequences (OUT_OF_ORDER_SEQUENCE_NUMBER, which aborts the open transaction): hundreds of expected lines.
        // The test asserts the outcome instead.
        Configurator.setLevel("org.apache.kafka.clients.producer.internals.Sender", Level.ERROR);
        Configurator.setLevel("kafka.server.ReplicaManager", Level.FATAL);
    }

    @Test
    void producersAndTheProcessorRecoverFromABrokerRestartAndNothingIsLost(KafkaFixture kafka) throws Exception {
        long seed = Long.getLong("parley.seed", System.nanoTime());
        System.out.println("BrokerRestartIT seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
        List<Article> articles = ArticleGenerator.generate(seed, ARTICLES);
        List<Article> first = articles.subList(0, ARTICLES / 2);
        List<Article> second = articles.subList(ARTICLES / 2, ARTICLES);
        Path dataDir = kafka.tempDir().resolve("restarting-broker");
        int port = freePort();

        ProcessorSettings reference = PartSettings.processor(kafka).withPartitions(2, (short) 1)
                .withStateDir(kafka.tempDir().resolve("reference-state")).withHttp("127.0.0.1", -1);
        TopicAdmin.ensureTopics(reference.kafka());
        long t0 = System.nanoTime();
        long downMillis;

        EmbeddedKafka broker = EmbeddedKafka.builder().port(port).dataDir(dataDir).testTuning(true).build().start();
        ProcessorSettings restarting = reference.withBootstrapServers(broker.bootstrapServers())
                .withApplicationId("restart-app").withStateDir(kafka.tempDir().resolve("restart-state"));
        TopicAdmin.ensureTopics(restarting.kafka());
        try (ProcessorApp uninterrupted = new ProcessorApp(reference, EventCoder.withDefaultDictionaries(),
                     StanceSettings.defaults()).start();
             KafkaProducer<String, Article> referenceProducer = producer(reference);
             ProcessorApp processor = new ProcessorApp(restarting, EventCoder.withDefaultDictionaries(),
                     StanceSettings.defaults()).start();
             KafkaProducer<String, Article> producer = producer(restarting)) {
            publish(referenceProducer, reference, articles).get(60, TimeUnit.SECONDS);

            publish(producer, restarting, first).get(60, TimeUnit.SECONDS);
            // Stop the broker once the processor is busy writing, then keep publishing while it is down.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                    PipelineState.logEnd(restarting.kafkaProperties(), restarting.topics().events().name()) > 0);
            long down = System.nanoTime();
            broker.close();
            CompletableFuture<Void> publishing = publish(producer, restarting, second);
            broker = EmbeddedKafka.builder().port(port).dataDir(dataDir).testTuning(true).build().start();
            downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down);
            publishing.get(120, TimeUnit.SECONDS);

            int[] quiet = {0};
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
                boolean idle = processor.state() == KafkaStreams.State.RUNNING
                        && uninterrupted.state() == KafkaStreams.State.RUNNING
                        && PipelineState.processorCaughtUp(restarting) && PipelineState.processorCaughtUp(reference);
                quiet[0] = idle ? quiet[0] + 1 : 0;
                return quiet[0] >= 2;
            });

            Map<String, Long> copies = new TreeMap<>(TopicContents.readCommitted(restarting.kafka(),
                            restarting.topics().articles().name()).stream()
                    .collect(Collectors.groupingBy(BrokerRestartIT::key, Collectors.counting())));
            assertThat(copies.keySet()).as("articles on the topic")
                    .isEqualTo(articles.stream().map(Article::id).collect(Collectors.toSet()));
            assertThat(copies).as("each article once: retries of the idempotent producer add no copies")
                    .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));

            StanceSnapshot expected = StanceSnapshot.read(reference.kafka());
            StanceSnapshot actual = StanceSnapshot.read(restarting.kafka());
            assertThat(expected.codedArticleIds()).hasSize(ARTICLES);
            actual.assertSameAggregatesAs(expected, "seed " + seed);
            assertThat(TopicContents.readCommitted(restarting.kafka(), restarting.topics().deadLetters().name()))
                    .as("dead letters after the broker restart").isEmpty();
            String summary = String.format("BrokerRestartIT: %d articles, broker down for %d ms mid-stream "
                            + "(restart on the same data dir and port %d), %d dyads, %d event records, all equal to "
                            + "the uninterrupted run; %d s; seed %d", ARTICLES, downMillis, port,
                    expected.dyads().size(), expected.eventIdCounts().size(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), seed);
            System.out.println(summary);
        } finally {
            broker.close();
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) {
        return new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The settings that make a producer ride out a broker restart without losing or doubling a record. */
    private static KafkaProducer<String, Article> producer(ProcessorSettings config) {
        Properties p = config.kafkaProperties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(p, config.topics().articles().keySerde().serializer(),
                config.topics().articles().valueSerde().serializer());
    }

    /** Sends in the background; the future fails if any record is not acknowledged. */
    private static CompletableFuture<Void> publish(KafkaProducer<String, Article> producer, ProcessorSettings config,
                                                   List<Article> batch) {
        return CompletableFuture.runAsync(() -> {
            List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
            for (Article a : batch) {
                acks.add(producer.send(new ProducerRecord<>(config.topics().articles().name(), a.id(), a)));
            }
            for (var ack : acks) {
                try {
                    ack.get();
                } catch (Exception e) {
                    throw new IllegalStateException("an article was not acknowledged", e);
                }
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
