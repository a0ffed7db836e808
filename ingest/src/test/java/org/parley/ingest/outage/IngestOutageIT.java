package org.parley.ingest.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.parley.common.Article;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.Ingested;
import org.parley.ingest.Ingestor;
import org.parley.ingest.http.ArticleServer;
import org.parley.ingest.watch.FolderWatcher;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.RestartableBroker;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

/**
 * The broker stops (cleanly) under a running watcher and HTTP endpoint and comes back on the same port and data
 * directory: files dropped during the outage are published once it is back, the endpoint answers 503 meanwhile,
 * and nothing stops for good. The producer keeps its default timeouts, so the outage is noticed as in production.
 */
@WithKafka
class IngestOutageIT {
    private static final Duration QUIET = Duration.ofMillis(500);
    private final HttpClient http = HttpClient.newHttpClient();

    private static String article(String name) {
        return "The foreign minister of " + name + " met her counterpart in Geneva on Tuesday and agreed to "
                + "resume talks on a prisoner exchange next month.";
    }

    private HttpResponse<String> post(int port, String name) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ArticleServer.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + article(name) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWatcherAndTheHttpEndpointRideOutABrokerOutage(KafkaFixture kafka) throws Exception {
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("inbox"));
        List<Ingested> published = new CopyOnWriteArrayList<>();
        try (RestartableBroker broker = new RestartableBroker(kafka.tempDir().resolve("broker"))) {
            KafkaSettings config = kafka.config().withBootstrapServers(broker.bootstrapServers());
            TopicAdmin.ensureTopics(config);
            try (Ingestor ingestor = new Ingestor(config, IngestOptions.defaults());
                 FolderWatcher watcher = new FolderWatcher(ingestor, inbox, null, QUIET,
                         (f, s) -> s.articles().stream().filter(a -> !a.duplicate()).forEach(published::add))
                         .start();
                 ArticleServer server = new ArticleServer(ingestor, 1 << 20, 1 << 20, (o, s) -> { })
                         .start("127.0.0.1", 0)) {
                Files.writeString(inbox.resolve("before.txt"), article("Norway"));
                await().atMost(Duration.ofSeconds(30)).until(() -> published.size() == 1);
                assertThat(post(server.port(), "Chile").statusCode()).isEqualTo(202);

                broker.stop();
                Files.writeString(inbox.resolve("during-1.txt"), article("Peru"));
                Files.writeString(inbox.resolve("during-2.txt"), article("Ghana"));
                // The watcher's sends time out (delivery.timeout.ms, 30 s): the outage is known...
                await().atMost(Duration.ofSeconds(90)).until(ingestor::kafkaDown);
                // ...and the endpoint refuses at once, saying when to try again.
                HttpResponse<String> refused = post(server.port(), "Kenya");
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(refused.body()).contains("Kafka is unreachable");
                Files.writeString(inbox.resolve("during-3.txt"), article("Fiji"));

                broker.start();
                await().atMost(Duration.ofSeconds(90)).until(() -> published.size() == 4);
                // A client that retries after a 503 gets through once the broker is back.
                await().atMost(Duration.ofSeconds(60)).until(() -> post(server.port(), "Kenya").statusCode() == 202);
                assertThat(ingestor.kafkaDown()).isFalse();
                Files.writeString(inbox.resolve("after.txt"), article("Laos"));
                await().atMost(Duration.ofSeconds(30)).until(() -> published.size() == 5);
            }
            assertThat(published).extracting(a -> Path.of(a.origin()).getFileName().toString())
                    .containsExactlyInAnyOrder("before.txt", "during-1.txt", "during-2.txt", "during-3.txt",
                            "after.txt");
            List<ConsumerRecord<String, Article>> records = TopicReader.readCommitted(config,
                    config.topics().articles());
            Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.counting()));
            assertThat(copies).as("each article on the topic once").hasSize(7).containsOnlyKeys(
                    records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
            assertThat(Set.copyOf(copies.values())).containsExactly(1L);
            assertThat(records).extracting(r -> r.value().text()).map(Function.identity())
                    .anySatisfy(t -> assertThat(t).contains("Kenya"));
        }
    }
}
