package org.parley.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import org.parley.processor.ProcessorApp;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.stance.StanceSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * Exactly once under crashes: {@code bin/parley process} runs as its own process while articles stream in, and is
 * killed with SIGKILL at random moments (during start-up and restore, and in the middle of writing) and restarted
 * on the same state directory each time. Its final stance aggregates must equal those of an uninterrupted processor
 * that read the same records: same dyads, same counts per quad class and root, same Goldstein sums, and every event
 * written once. Rerun a failure with {@code -Dparley.seed=<the seed printed>}.
 */
@WithKafka
class ProcessorCrashIT {
    private static final int ARTICLES = 240;
    private static final int KILLS = 5;
    private static final int PARTITIONS = 2;

    @BeforeAll
    static void quietExpiredWindowWarnings() {
        // Articles arrive out of event-time order on purpose; the daily windows then warn about every late record.
        Configurator.setLevel("org.apache.kafka.streams.kstream.internals.KStreamWindowAggregate", Level.ERROR);
    }

    @Test
    void killedAtRandomMomentsTheProcessorEndsWithTheAggregatesOfAnUninterruptedRun(KafkaFixture kafka)
            throws Exception {
        long seed = Long.getLong("parley.seed", System.nanoTime());
        System.out.println("ProcessorCrashIT seed: " + seed + " (rerun with -Dparley.seed=" + seed + ")");
        Random random = new Random(seed);
        long t0 = System.nanoTime();

        ProcessorSettings crashed = PartSettings.processor(kafka).withPartitions(PARTITIONS, (short) 1);
        ProcessorSettings reference = crashed.withTopicPrefix(kafka.uniqueName("reference"))
                .withApplicationId(kafka.uniqueName("reference-app"))
                .withStateDir(kafka.tempDir().resolve("reference-state"))
                .withHttp("127.0.0.1", -1);
        TopicAdmin.ensureTopics(crashed.kafka());
        TopicAdmin.ensureTopics(reference.kafka());
        Path stateDir = kafka.tempDir().resolve("crashed-state");
        Path log = Path.of("target", "reliability", "processor-crash-" + crashed.kafka().topicPrefix() + ".log")
                .toAbsolutePath();
        // A killed member holds its partitions until its session times out (45 s by default): a short session
        // lets the restarted process take over quickly. Set through the client properties file, as an operator would.
        Path clientProps = Files.writeString(kafka.tempDir().resolve("client.properties"),
                "session.timeout.ms=6000\nheartbeat.interval.ms=1500\n");

        List<Article> articles = ArticleGenerator.generate(seed, ARTICLES);
        // Some articles are published twice (a re-ingested file): the processor must count them once.
        List<Article> stream = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            stream.add(articles.get(i));
            if (random.nextInt(8) == 0) {
                stream.add(articles.get(random.nextInt(i + 1)));
            }
        }

        int kills = 0;
        int delayedKills = 0;
        try (KafkaProducer<String, Article> producer = producer(crashed);
             ProcessorApp uninterrupted = new ProcessorApp(reference, EventCoder.withDefaultDictionaries(),
                     StanceSettings.defaults())) {
            uninterrupted.start();
            int chunk = stream.size() / (KILLS + 1);
            int sent = 0;
            for (int cycle = 0; cycle < KILLS; cycle++) {
                List<Article> batch = stream.subList(sent, sent + chunk);
                sent += chunk;
                long eventsBefore = PipelineState.logEnd(crashed.kafkaProperties(), crashed.topics().events().name());
                ParleyProcess processor = startProcessor(crashed, stateDir, clientProps, log);
                try {
                    CompletableFuture<Void> producing = CompletableFuture.runAsync(
                            () -> publish(producer, batch, crashed, reference));
                    if (cycle % 2 == 1) {
                        // After a random delay: often during start-up (JVM start, rebalance, restoring the state
                        // stores from their changelogs), sometimes while processing.
                        long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500 + random.nextInt(6000));
                        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                                .until(() -> System.nanoTime() >= killAt || !processor.isAlive());
                        delayedKills++;
                    } else {
                        // While writing: some output is on the events topic, likely in an open transaction.
                        long more = 1 + random.nextInt(40);
                        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                                .until(() -> !processor.isAlive() || PipelineState.logEnd(crashed.kafkaProperties(),
                                        crashed.topics().events().name()) >= eventsBefore + more);
                    }
                    assertThat(processor.isAlive()).as("processor died by itself; see %s (seed %d)", log, seed)
                            .isTrue();
                    processor.kill();
                    kills++;
                    producing.get(60, TimeUnit.SECONDS);
                } finally {
                    processor.close();
                }
            }
            publish(producer, stream.subList(sent, stream.size()), crashed, reference);

            // A last run, left alone until it has caught up, then stopped normally.
            try (ParleyProcess processor = startProcessor(crashed, stateDir, clientProps, log)) {
                int[] quiet = {0};
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    assertThat(processor.isAlive()).as("processor died by itself; see %s", log).isTrue();
                    boolean idle = uninterrupted.state() == KafkaStreams.State.RUNNING
                            && PipelineState.processorCaughtUp(crashed) && PipelineState.processorCaughtUp(reference);
                    quiet[0] = idle ? quiet[0] + 1 : 0;
                    return quiet[0] >= 2;
                });
                processor.stop();
            }
        }

        StanceSnapshot expected = StanceSnapshot.read(reference.kafka());
        StanceSnapshot actual = StanceSnapshot.read(crashed.kafka());
        String context = "seed " + seed + ", log " + log;
        // The input must be rich enough for the comparison to mean something.
        assertThat(expected.dyads()).as("dyads in the reference run").hasSizeGreaterThan(40);
        assertThat(expected.daily()).as("daily dyad values in the reference run").hasSizeGreaterThan(40);
        assertThat(expected.dyads().values().stream().anyMatch(d -> d.mentions() > d.events()))
                .as("some happening reported more than once").isTrue();
        assertThat(expected.codedArticleIds()).as("every article coded in the reference run")
                .isEqualTo(articles.stream().map(Article::id).collect(java.util.stream.Collectors.toSet()));
        actual.assertSameAggregatesAs(expected, context);
        assertThat(TopicContents.readCommitted(crashed.kafka(), crashed.topics().deadLetters().name()))
                .as("dead letters: a crash must not turn a good record into a bad one (%s)", context).isEmpty();

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        long events = expected.dyads().values().stream().mapToLong(StanceSnapshot.DyadCounts::events).sum();
        String summary = String.format("ProcessorCrashIT: %d articles (%d records with re-sends), %d partitions, "
                        + "%d SIGKILLs (%d while writing events, %d after a random 0.5-6.5 s), %d dyads, "
                        + "%d distinct events, %d event records: "
                        + "identical to the uninterrupted run; %d s; seed %d",
                articles.size(), stream.size(), PARTITIONS, kills, kills - delayedKills, delayedKills,
                expected.dyads().size(), events,
                expected.eventIdCounts().size(), seconds, seed);
        System.out.println(summary);
    }

    private static ParleyProcess startProcessor(ProcessorSettings config, Path stateDir, Path clientProps, Path log) {
        return ParleyProcess.start(log, Map.of(), "process",
                "--bootstrap-server", config.kafka().bootstrapServers(),
                "--topic-prefix", config.kafka().topicPrefix(),
                "--application-id", config.applicationId(),
                "--state-dir", stateDir.toString(),
                "--client-properties", clientProps.toString(),
                "--port", "0");
    }

    private static KafkaProducer<String, Article> producer(ProcessorSettings config) {
        Properties p = config.kafkaProperties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, config.topics().articles().keySerde().serializer(),
                config.topics().articles().valueSerde().serializer());
    }

    /** The same records, in the same order, to both runs' article topics. */
    private static void publish(KafkaProducer<String, Article> producer, List<Article> batch, ProcessorSettings crashed,
                                ProcessorSettings reference) {
        try {
            for (Article a : batch) {
                producer.send(new ProducerRecord<>(crashed.topics().articles().name(), a.id(), a));
                producer.send(new ProducerRecord<>(reference.topics().articles().name(), a.id(), a));
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw new IllegalStateException("publishing articles failed", e);
        }
    }
}
