package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Article;
import org.parley.common.Json;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.testing.HeadlessChromium;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * The dashboard in headless Chromium: an article produced to the articles topic shows up in the stance matrix
 * and in the live feed, without reloading the page.
 */
@WithKafka
class DashboardIT {
    private static final String SENTENCE = "Russia and the United States held talks in Istanbul.";

    @Test
    void matrixAndFeedUpdateInPlaceWhenAnArticleArrives(KafkaFixture kafka) throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "no " + HeadlessChromium.BINARY
                + " (apt-get install chromium; .ci/run does)");
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(config.kafka());
        try (ProcessorApp app = new ProcessorApp(config, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> app.liveFeedsReady()
                    && app.state() == KafkaStreams.State.RUNNING);
            String base = "http://127.0.0.1:" + app.httpPort();
            HttpResponse<String> index = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(302);

            try (HeadlessChromium browser = HeadlessChromium.open(base + "/dashboard/index.html")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> "open open".equals(text(browser.eval(
                        "document.body ? document.body.dataset.stance + ' ' + document.body.dataset.events : ''"))));
                assertThat(browser.eval("document.querySelectorAll('#feed li').length").asInt()).isZero();
                assertThat(browser.eval("document.querySelectorAll('#matrix td').length").asInt()).isZero();
                browser.eval("window.parleyMarker = 'same page'");

                var topic = config.topics().articles();
                Article a = new Article("d1", null, SENTENCE, LocalDate.parse("2025-02-27"),
                        Article.DateSource.METADATA, null, null, null, null, "d1", Instant.now(), "dateline");
                try (var producer = new KafkaProducer<>(config.kafkaProperties(), topic.keySerde().serializer(),
                        topic.valueSerde().serializer())) {
                    producer.send(new ProducerRecord<>(topic.name(), a.id(), a)).get();
                }

                await().atMost(Duration.ofSeconds(30)).until(() -> browser.eval(
                        "Array.from(document.querySelectorAll('#feed li .sentence')).map(e => e.textContent)"
                                + ".includes(" + Json.mapper().writeValueAsString(SENTENCE) + ")").asBoolean());
                assertThat(browser.eval("document.querySelector('#feed li .meta').textContent").asText())
                        .as("each event shows where its date came from").startsWith("2025-02-27 [dateline]");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode events = Json.mapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base + "/api/events?country=RUS")).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.get("dateFrom").asText())
                            .isEqualTo("dateline"));
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> browser.eval(
                        "(document.querySelector('td[data-dyad=\"RUS->USA\"]') || {textContent: ''}).textContent")
                        .asText().length() > 0);

                JsonNode api = Json.mapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/stance/dyads/RUS/USA")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.eval(
                        "document.querySelector('td[data-dyad=\"RUS->USA\"]').textContent").asText())
                        .isEqualTo(String.format(Locale.ROOT, "%.1f", api.get("stance").asDouble())));
                assertThat(browser.eval("document.querySelector('td[data-dyad=\"USA->RUS\"]').textContent").asText())
                        .isNotEmpty();
                assertThat(browser.eval("document.querySelector('td[data-dyad=\"RUS->USA\"]').style.background")
                        .asText()).contains("rgb");
                assertThat(text(browser.eval("window.parleyMarker"))).as("the page was not reloaded")
                        .isEqualTo("same page");
            }
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
