package org.parley.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class KafkaOutageTest {
    /** Keeps what was logged, as "LEVEL message". */
    private static final class Recording extends AbstractLogger {
        final List<String> lines = new ArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                                   Throwable t) {
            lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return true;
        }
    }

    private long nanos;

    @Test
    void logsOncePerOutageAndOnceOnRecoveryAndDoublesItsBackoff() {
        Recording log = new Recording();
        KafkaOutage outage = new KafkaOutage("Kafka at x", log, () -> nanos, Duration.ofSeconds(1),
                Duration.ofSeconds(4));
        outage.succeeded();
        assertThat(log.lines).isEmpty();

        for (int attempt = 0; attempt < 5; attempt++) {
            outage.failed(new IllegalStateException("connection refused"));
        }
        assertThat(outage.isDown()).isTrue();
        assertThat(outage.untilRetry()).isEqualTo(Duration.ofSeconds(4));
        assertThat(outage.waiting()).isTrue();
        nanos += Duration.ofSeconds(4).toNanos();
        assertThat(outage.waiting()).isFalse();

        outage.succeeded();
        outage.succeeded();
        assertThat(outage.isDown()).isFalse();
        assertThat(log.lines).containsExactly(
                "WARN Kafka at x is unreachable (connection refused); retrying until it is back",
                "INFO Kafka at x is reachable again after 4000 ms (5 failed attempts)");

        outage.failed(new IllegalStateException("again"));
        assertThat(outage.untilRetry()).as("a new outage starts from the shortest backoff")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(log.lines).hasSize(3);
    }
}
