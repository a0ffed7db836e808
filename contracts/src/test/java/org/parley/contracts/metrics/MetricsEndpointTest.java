package org.parley.contracts.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.contracts.ParleyEnv;

class MetricsEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesJvmMetersAndThePartsOwnInPrometheusText() throws Exception {
        try (MetricsEndpoint endpoint = new MetricsEndpoint().start("127.0.0.1", 0)) {
            Counter c = Counter.builder("parley.test.things").register(endpoint.registry());
            c.increment(3);
            HttpResponse<String> r = get(endpoint, "/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
            assertThat(r.body()).contains("parley_test_things_total 3.0").contains("jvm_memory_used_bytes")
                    .contains("process_uptime_seconds");
            assertThat(get(endpoint, "/other").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aTakenPortIsOneClearError() {
        try (MetricsEndpoint first = new MetricsEndpoint().start("127.0.0.1", 0);
             MetricsEndpoint second = new MetricsEndpoint()) {
            assertThatThrownBy(() -> second.start("127.0.0.1", first.port()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot serve metrics on 127.0.0.1:");
        }
    }

    @Test
    void settingsAreOffUnlessAPortIsGiven() {
        assertThat(MetricsSettings.fromEnv(ParleyEnv.empty(), "PARLEY_X_PORT").enabled()).isFalse();
        MetricsSettings s = MetricsSettings.fromEnv(ParleyEnv.of(Map.of("PARLEY_X_PORT", "9100")), "PARLEY_X_PORT");
        assertThat(s).isEqualTo(new MetricsSettings("127.0.0.1", 9100));
        assertThat(s.with("0.0.0.0", null)).isEqualTo(new MetricsSettings("0.0.0.0", 9100));
        assertThatThrownBy(() -> MetricsSettings.fromEnv(ParleyEnv.of(Map.of("PARLEY_X_PORT", "70000")),
                "PARLEY_X_PORT")).hasMessage("PARLEY_X_PORT must be 0..65535, got 70000");
    }

    private HttpResponse<String> get(MetricsEndpoint endpoint, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
