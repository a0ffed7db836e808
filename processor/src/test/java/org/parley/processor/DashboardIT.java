package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * and in the live feed, without reloading the page; and a user exploring it (names, scale, a click on a dyad,
 * filters, a reload, a command-line screenshot) sees what the API holds. Screenshots go to target/dashboard/.
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
                // The reverse dyad is another record, possibly of another partition: it may come a moment later.
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.eval(
                        "document.querySelector('td[data-dyad=\"USA->RUS\"]').textContent").asText()).isNotEmpty());
                assertThat(browser.eval("document.querySelector('td[data-dyad=\"RUS->USA\"]').style.background")
                        .asText()).contains("rgb");
                assertThat(text(browser.eval("window.parleyMarker"))).as("the page was not reloaded")
                        .isEqualTo("same page");
            }
        }
    }

    private static final Path SHOTS = Path.of("target", "dashboard");

    @Test
    void aUserExploresADyadFiltersAndReloads(KafkaFixture kafka) throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "no " + HeadlessChromium.BINARY);
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(config.kafka());
        try (ProcessorApp app = new ProcessorApp(config, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> app.liveFeedsReady()
                    && app.state() == KafkaStreams.State.RUNNING);
            String base = "http://127.0.0.1:" + app.httpPort();
            try (HeadlessChromium browser = HeadlessChromium.open(base + "/dashboard/index.html")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> "open open".equals(text(browser.eval(
                        "document.body ? document.body.dataset.stance + ' ' + document.body.dataset.events : ''"))));
                produce(config, List.of(
                        article("x1", "Talks in Istanbul", "https://example.org/istanbul", "2025-02-27", "dateline",
                                SENTENCE),
                        article("x2", "Sanctions and accusations", null, "2025-02-28", "html-meta",
                                "Russia imposed sanctions on Ukraine. Russia accused Ukraine of shelling civilians."),
                        article("x3", "Praise", "https://example.org/praise", "2025-03-01", "json",
                                "France praised Germany for its leadership.")));
                await().atMost(Duration.ofSeconds(60)).until(() -> api(base, "/api/events").size() >= 4
                        && api(base, "/api/stance/dyads").size() >= 4);
                List<String> live = ids(api(base, "/api/events"));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(feed(browser))
                        .as("the live feed in the API's order").isEqualTo(live));
                // the matrix renders from its own stream, a moment after the feed
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> namesAndScale(browser));
                clickADyad(browser, base);
                topMovers(browser, base);
                filter(browser, base);

                // Feed order after a reload is the live order; filters and the open dyad come back from the URL.
                browser.click("#f-clear");
                browser.reload();
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(feed(browser)).isEqualTo(live));
                browser.eval("location.hash = 'quad=3&dyad=RUS->UKR'; location.reload(); 1");
                // while the page reloads its elements are briefly missing: retry until they are there
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(text(browser.eval("document.getElementById('f-quad').value"))).isEqualTo("3");
                    assertThat(feed(browser)).isEqualTo(ids(api(base, "/api/events?quad=3")));
                    assertThat(text(browser.eval("document.getElementById('detail').dataset.loaded"))).isEqualTo("yes");
                });
                assertThat(text(browser.eval("document.getElementById('detail-title').textContent")))
                        .isEqualTo("RUS Russia \u2192 UKR Ukraine");
            }
            commandLineScreenshotShowsData(base);
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).as("article-to-stance latency samples")
                    .containsPattern("parley_article_stance_latency_seconds_count [1-9]");
        }
    }

    private static void namesAndScale(HeadlessChromium browser) throws Exception {
        assertThat(browser.eval("document.querySelector('#matrix th.row[data-code=\"RUS\"]').textContent").asText())
                .isEqualTo("RUSRussia");
        assertThat(browser.eval("document.querySelector('#matrix th.col[data-code=\"USA\"]').title").asText())
                .isEqualTo("USA United States");
        assertThat(browser.eval("Array.from(document.querySelectorAll('#legend .swatch')).map(s => s.textContent)"))
                .extracting(JsonNode::asText).containsExactly("-10 or less", "-6", "-3", "-1", "0", "+1", "+3",
                        "+6", "+10 or more");
    }

    private static void clickADyad(HeadlessChromium browser, String base) throws Exception {
        browser.click("#matrix td[data-dyad=\"RUS->USA\"]");
        await().atMost(Duration.ofSeconds(20)).until(() -> "yes".equals(text(browser.eval(
                "document.getElementById('detail').dataset.loaded"))));
        assertThat(browser.eval("document.getElementById('detail-title').textContent").asText())
                .isEqualTo("RUS Russia \u2192 USA United States");
        JsonNode daily = api(base, "/api/stance/daily/RUS/USA");
        assertThat(daily).isNotEmpty();
        JsonNode points = Json.mapper().readTree(browser.eval("document.getElementById('chart').dataset.points")
                .asText());
        assertThat(points).hasSize(daily.size());
        for (int i = 0; i < daily.size(); i++) {
            assertThat(points.get(i).get(0).asText()).isEqualTo(daily.get(i).get("date").asText());
            assertThat(points.get(i).get(1).asDouble()).isEqualTo(daily.get(i).at("/stance/stance").asDouble());
        }
        assertThat(browser.eval("document.querySelectorAll('#chart canvas').length").asInt())
                .as("uPlot drew the chart").isPositive();
        JsonNode events = api(base, "/api/events?dyad=RUS:USA");
        assertThat(events).isNotEmpty();
        JsonNode first = events.get(0);
        String description = api(base, "/api/names").at("/cameo/" + first.get("cameo").asText()).asText();
        assertThat(description).isNotEmpty();
        JsonNode shown = browser.eval("Array.from(document.querySelectorAll('#detail-events li')).map(li => ({"
                + "id: li.dataset.eventId, href: li.querySelector('.title a') && li.querySelector('.title a').href,"
                + " title: li.querySelector('.title').textContent, meta: li.querySelector('.meta').textContent,"
                + " cameo: li.querySelector('.cameo').textContent, sentence: li.querySelector('.sentence')"
                + ".textContent}))");
        assertThat(shown).hasSize(events.size());
        assertThat(shown.get(0).get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(shown.get(0).get("href").asText()).isEqualTo("https://example.org/istanbul");
        assertThat(shown.get(0).get("title").asText()).isEqualTo("Talks in Istanbul");
        assertThat(shown.get(0).get("sentence").asText()).isEqualTo(SENTENCE);
        assertThat(shown.get(0).get("meta").asText()).startsWith("2025-02-27 [dateline]");
        assertThat(shown.get(0).get("cameo").asText()).startsWith("CAMEO " + first.get("cameo").asText() + " "
                + description);
        browser.screenshot(SHOTS.resolve("dyad.png"));
    }

    private static void filter(HeadlessChromium browser, String base) throws Exception {
        set(browser, "f-quad", "4");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(feed(browser))
                .isNotEmpty().isEqualTo(ids(api(base, "/api/events?quad=4"))));
        assertThat(browser.eval("Array.from(document.querySelectorAll('#feed li')).every(li => li.className"
                + " === 'q4')").asBoolean()).isTrue();
        set(browser, "f-quad", "");
        set(browser, "f-country", "fra");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(feed(browser)).isNotEmpty().isEqualTo(ids(api(base, "/api/events?country=FRA")));
            assertThat(browser.eval("Array.from(document.querySelectorAll('#matrix th.col')).map(t => t.dataset.code)"))
                    .extracting(JsonNode::asText).containsExactly("DEU", "FRA");
        });
        set(browser, "f-country", "");
        set(browser, "f-from", "2025-02-28");
        set(browser, "f-to", "2025-02-28");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(feed(browser)).isNotEmpty()
                .isEqualTo(ids(api(base, "/api/events?since=2025-02-28&until=2025-02-28"))));
        assertThat(text(browser.eval("location.hash"))).isEqualTo("#from=2025-02-28&to=2025-02-28&dyad=RUS-%3EUSA");
        browser.screenshot(SHOTS.resolve("filtered.png"));
    }

    /** {@code chromium --headless --screenshot} of a page with data shows the data, not "No dyads yet". */
    private static void commandLineScreenshotShowsData(String base) throws Exception {
        Path png = SHOTS.resolve("command-line.png");
        Files.deleteIfExists(png);
        String dom = HeadlessChromium.screenshotFromTheCommandLine(base + "/dashboard/index.html", png);
        assertThat(Files.size(png)).isPositive();
        assertThat(dom).containsPattern("<p id=\"matrix-empty\" class=\"empty\" hidden=\"\"")
                .containsPattern("data-dyad=\"RUS-(>|&gt;)USA\"[^>]*>-?[0-9]+\\.[0-9]</td>")
                .contains(SENTENCE);
    }

    /** The panel lists what /api/stance/movers answers, for either window; a click opens the dyad. */
    private static void topMovers(HeadlessChromium browser, String base) throws Exception {
        String shown = "Array.from(document.querySelectorAll('#movers li')).map(li => li.dataset.dyad)";
        List<String> week = moverKeys(api(base, "/api/stance/movers?window=week&limit=10"));
        assertThat(week).contains("RUS->UKR", "FRA->DEU");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(texts(browser.eval(shown)))
                .isEqualTo(week));
        set(browser, "movers-window", "day");
        // The latest day is 2025-03-01 (the praise) against 2025-02-28 (sanctions and accusations).
        List<String> day = moverKeys(api(base, "/api/stance/movers?window=day&limit=10"));
        assertThat(day).contains("FRA->DEU", "RUS->UKR").doesNotContain("RUS->USA");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(texts(browser.eval(shown)))
                .isEqualTo(day));
        assertThat(text(browser.eval("document.querySelector('#movers li[data-dyad=\"FRA->DEU\"]').textContent")))
                .contains("+3.4", "FRA France", "DEU Germany");
        browser.click("#movers li[data-dyad=\"FRA->DEU\"] .change");
        await().atMost(Duration.ofSeconds(20)).until(() -> "FRA->DEU".equals(text(browser.eval(
                "document.getElementById('detail').dataset.dyad"))));
        browser.screenshot(SHOTS.resolve("movers.png"));
        set(browser, "movers-window", "week");
        browser.click("#matrix td[data-dyad=\"RUS->USA\"]");
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUS->USA".equals(text(browser.eval(
                "document.getElementById('detail').dataset.dyad"))));
    }

    private static List<String> moverKeys(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("movers").forEach(m -> out.add(m.get("source").asText() + "->" + m.get("target").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void set(HeadlessChromium browser, String id, String value) throws Exception {
        browser.eval("(() => { const e = document.getElementById('" + id + "'); e.value = "
                + Json.mapper().writeValueAsString(value) + "; e.dispatchEvent(new Event('change')); })()");
    }

    private static List<String> feed(HeadlessChromium browser) throws Exception {
        List<String> out = new ArrayList<>();
        browser.eval("Array.from(document.querySelectorAll('#feed li')).map(li => li.dataset.eventId)")
                .forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> ids(JsonNode events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.get("id").asText()));
        return out;
    }

    private static JsonNode api(String base, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private static Article article(String id, String title, String url, String date, String from, String text) {
        return new Article(id, title, text, LocalDate.parse(date), Article.DateSource.METADATA, url, null, null, null,
                id, Instant.now(), from);
    }

    private static void produce(ProcessorSettings config, List<Article> articles) throws Exception {
        var topic = config.topics().articles();
        try (var producer = new KafkaProducer<>(config.kafkaProperties(), topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(topic.name(), a.id(), a)).get();
            }
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
