package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.processor.stance.StanceSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/** With a token file configured, every path but /health needs the token; relayed requests carry it. */
@WithKafka
class HttpTokenIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void apiNeedsTheBearerTokenButHealthDoesNot(KafkaFixture kafka) throws Exception {
        Path tokenFile = Files.writeString(kafka.tempDir().resolve("token"), "s3cret-token\n");
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0).withHttpTokenFile(tokenFile);
        try (ProcessorApp app = new ProcessorApp(config, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start()) {
            String base = "http://127.0.0.1:" + app.httpPort();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(send(base + "/health", null).statusCode()).isEqualTo(200));

            HttpResponse<String> anonymous = send(base + "/api/stance/dyads", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("Bearer"));
            assertThat(send(base + "/api/stance/dyads", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(send(base + "/metrics", null).statusCode()).isEqualTo(401);

            assertThat(send(base + "/api/stance/dyads", "Bearer s3cret-token").statusCode()).isEqualTo(200);

            HttpResponse<String> browser = send(base + "/api/stance/dyads?access_token=s3cret-token", null);
            assertThat(browser.statusCode()).isEqualTo(200);
            String cookie = browser.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("parley_token=").containsIgnoringCase("HttpOnly");
            HttpResponse<String> withCookie = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stance/dyads"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(withCookie.statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> send(String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
