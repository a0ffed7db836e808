package org.parley.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One scrape of a part's {@code /metrics}, read as Prometheus text, for tests that watch counters move. */
public final class MetricsScrape {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String text;

    private MetricsScrape(String text) {
        this.text = text;
    }

    /** GETs {@code http://127.0.0.1:PORT/metrics}; throws unless it answers 200 in Prometheus text. */
    public static MetricsScrape of(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() != 200 || !type.startsWith("text/plain")) {
                throw new IllegalStateException("/metrics answered " + r.statusCode() + " " + type);
            }
            return new MetricsScrape(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return text;
    }

    /** The value of the sample named {@code name} without labels, or NaN when there is none. */
    public double value(String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return Double.NaN;
    }

    /** Whether some sample's name starts with {@code prefix} (e.g. {@code jvm_memory_used_bytes}). */
    public boolean has(String prefix) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
