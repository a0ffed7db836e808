package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Json;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.ProcessorApp;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.subscribe.DerivedTopic;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;
import picocli.CommandLine;

/** {@code parley subscribe} over a real broker and processor: header filters, and a derived topic. */
@WithKafka
class SubscribeIT {
    @Test
    void printsOnlyMatchingEventsAndDerivedTopicsGetTheirShare(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = PartSettings.processor(kafka).withHttp("127.0.0.1", -1);
        TopicAdmin.ensureTopics(config.kafka());
        String derivedName = kafka.uniqueName("fra-coop");
        List<DerivedTopic> derived = DerivedTopic.parseAll(derivedName + "=country:FRA,quad:1|2");
        try (ProcessorApp app = new ProcessorApp(config.withDerived(derived), EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start()) {
            String[] common = {"--bootstrap-server", config.kafka().bootstrapServers(), "--topic-prefix", config.kafka().topicPrefix()};
            StringWriter usaOut = new StringWriter();
            StringWriter derivedOut = new StringWriter();
            CompletableFuture<Integer> usa = CompletableFuture.supplyAsync(() -> new CommandLine(new SubscribeCommand())
                    .setOut(new PrintWriter(usaOut)).setErr(new PrintWriter(new StringWriter()))
                    .execute(concat(common, "--dyad", "usa:rus", "--root", "4", "--from-beginning", "--max", "1")));
            CompletableFuture<Integer> fra = CompletableFuture.supplyAsync(() -> new CommandLine(new SubscribeCommand())
                    .setOut(new PrintWriter(derivedOut)).setErr(new PrintWriter(new StringWriter()))
                    .execute(concat(common, "--topic", derivedName, "--from-beginning", "--max", "2")));

            var topic = config.topics().articles();
            try (var producer = new KafkaProducer<>(config.kafkaProperties(), topic.keySerde().serializer(),
                    topic.valueSerde().serializer())) {
                for (String[] a : List.of(new String[] {"s1", "China criticized Japan over the islands."},
                        new String[] {"s2", "France and Germany signed an agreement in Paris."},
                        new String[] {"s3", "Russia and the United States held talks in Istanbul."})) {
                    Article art = new Article(a[0], null, a[1], LocalDate.parse("2025-02-27"),
                            Article.DateSource.METADATA, null, null, null, null, a[0], Instant.now());
                    producer.send(new ProducerRecord<>(topic.name(), art.id(), art)).get();
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> usa.isDone() && fra.isDone());
            assertThat(usa.get()).isZero();
            assertThat(fra.get()).isZero();

            List<String> usaLines = usaOut.toString().lines().toList();
            assertThat(usaLines).hasSize(1);
            var e = Json.mapper().readTree(usaLines.get(0));
            assertThat(e.get("source").get("code").asText()).isEqualTo("USA");
            assertThat(e.get("target").get("code").asText()).isEqualTo("RUS");
            assertThat(e.get("root").asText()).isEqualTo("04");
            assertThat(e.get("articleId").asText()).isEqualTo("s3");

            List<String> fraLines = derivedOut.toString().lines().toList();
            assertThat(fraLines).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"articleId\":\"s2\""));
        }
    }

    @Test
    void aBadFilterIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new SubscribeCommand()).setErr(new PrintWriter(err))
                .execute("--bootstrap-server", "127.0.0.1:1", "--quad", "9");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("quad class must be 1..4");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
