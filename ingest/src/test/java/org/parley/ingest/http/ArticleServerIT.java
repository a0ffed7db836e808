package org.parley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.parley.common.Article;
import org.parley.common.Json;
import org.parley.contracts.DeadLetter;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.ingest.IngestOptions;
import org.parley.ingest.Ingestor;

import org.parley.testkit.KafkaFixture;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

@WithKafka
class ArticleServerIT {
    private static final String TALKS = "The foreign ministers met in Geneva on Tuesday and agreed to resume talks "
            + "on a prisoner exchange next month.";
    private static final String SANCTIONS = "The European Union extended its sanctions for another six months, "
            + "diplomats in Brussels said on Friday.";
    private static final long REQUEST_LIMIT = 4096;
    private static final long ARTICLE_LIMIT = 1024;

    private final HttpClient client = HttpClient.newHttpClient();

    private record Reply(int status, JsonNode body) {
    }

    private Reply post(int port, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + ArticleServer.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), Json.mapper().readTree(r.body()));
    }

    @Test
    void postedArticlesArePublishedAndBadRequestsSayWhy(KafkaFixture kafka) throws Exception {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        try (Ingestor ingestor = new Ingestor(config, new IngestOptions(null, null, ARTICLE_LIMIT));
             ArticleServer server = new ArticleServer(ingestor, REQUEST_LIMIT, ARTICLE_LIMIT, (o, s) -> { })
                     .start("127.0.0.1", 0)) {
            int port = server.port();

            Reply one = post(port, "{\"title\": \"Talks\", \"text\": \"" + TALKS + "\", \"date\": \"2025-02-27\","
                    + " \"url\": \"https://example.org/talks\", \"source\": \"Example\"}");
            assertThat(one.status()).isEqualTo(202);
            assertThat(one.body().get("published")).hasSize(1);
            String talksId = one.body().get("published").get(0).get("id").asText();
            assertThat(talksId).matches("[0-9a-f]{16}");

            Reply batch = post(port, "[{\"text\": \"" + SANCTIONS + "\"}, {\"text\": \"" + TALKS + "\"}]");
            assertThat(batch.status()).isEqualTo(202);
            assertThat(batch.body().get("published")).singleElement()
                    .satisfies(p -> assertThat(p.get("index").asInt()).isZero());
            assertThat(batch.body().get("duplicates")).singleElement().satisfies(d -> {
                assertThat(d.get("index").asInt()).isEqualTo(1);
                assertThat(d.get("id").asText()).isEqualTo(talksId);
            });

            Reply malformed = post(port, "{\"text\": \"unterminated");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.body().get("error").asText()).startsWith("malformed JSON");

            Reply missing = post(port, "[{\"text\": \"A good article that must not be published alone.\"},"
                    + " {\"title\": \"no text here\"}]");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body().get("index").asInt()).isEqualTo(1);
            assertThat(missing.body().get("error").asText()).isEqualTo(
                    "article [1]: JSON object has no \"text\" (or it is blank)");

            Reply badDate = post(port, "{\"text\": \"" + SANCTIONS + " Again.\", \"date\": \"yesterday\"}");
            assertThat(badDate.status()).isEqualTo(400);
            assertThat(badDate.body().get("error").asText()).contains("field \"date\"");

            Reply tooLarge = post(port, "{\"text\": \"" + "x".repeat((int) REQUEST_LIMIT) + "\"}");
            assertThat(tooLarge.status()).isEqualTo(413);

            Reply articleTooLarge = post(port, "[{\"text\": \"" + TALKS + "\"}, {\"text\": \""
                    + "word ".repeat((int) ARTICLE_LIMIT / 4) + "\"}]");
            assertThat(articleTooLarge.status()).isEqualTo(413);
            assertThat(articleTooLarge.body().get("index").asInt()).isEqualTo(1);

            Reply chromeOnly = post(port, "{\"text\": \"Advertisement\\n\\nSkip to main content\"}");
            assertThat(chromeOnly.status()).isEqualTo(202);
            assertThat(chromeOnly.body().get("published")).isEmpty();
            assertThat(chromeOnly.body().get("rejected").get(0).get("reason").asText())
                    .contains("no article text left");

            assertThat(server.total().published()).isEqualTo(2);
            assertThat(server.total().duplicates()).isEqualTo(1);
            assertThat(server.total().rejected()).hasSize(6);
        }

        List<ConsumerRecord<String, Article>> articles = TopicReader.readCommitted(config, config.topics().articles());
        assertThat(articles).extracting(r -> r.value().text()).containsExactly(TALKS, SANCTIONS);
        Article talks = articles.get(0).value();
        assertThat(talks.url()).isEqualTo("https://example.org/talks");
        assertThat(talks.source()).isEqualTo("Example");
        assertThat(talks.dateSource()).isEqualTo(Article.DateSource.METADATA);

        assertThat(TopicReader.readCommitted(config, config.topics().deadLetters()))
                .extracting(r -> DeadLetter.read(r).reason())
                .anySatisfy(reason -> assertThat(reason).isEqualTo(
                        "article [1]: JSON object has no \"text\" (or it is blank)"))
                .hasSize(6);
    }
}
