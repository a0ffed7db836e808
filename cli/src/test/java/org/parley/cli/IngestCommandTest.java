package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.bench.BenchCommand;
import picocli.CommandLine;

class IngestCommandTest {
    private final IngestCommand.DurationConverter durations = new IngestCommand.DurationConverter();

    @Test
    void durationsAreReadAsPeopleWriteThem() {
        assertThat(durations.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(durations.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(durations.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(durations.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(durations.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void nonsenseDurationsAreRefused() {
        for (String bad : new String[] {"", "5", "m", "5 minutes", "0s", "-5m", "5m3", "PTX"}) {
            assertThatThrownBy(() -> durations.convert(bad)).as(bad)
                    .isInstanceOf(CommandLine.TypeConversionException.class);
        }
    }

    @Test
    void benchNeedsAMode() {
        int exit = new CommandLine(new BenchCommand()).setErr(new java.io.PrintWriter(new java.io.StringWriter()))
                .execute();
        assertThat(exit).isEqualTo(2);
    }

    @Test
    void aMetricsPortNeedsALongRunningIngest() {
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = new CommandLine(new IngestCommand()).setErr(new java.io.PrintWriter(err))
                .execute("--metrics-port", "0", "some-file.txt");
        assertThat(exit).isEqualTo(IngestCommand.FAILED);
        assertThat(err.toString()).contains("--metrics-port serves a long-running ingest");
    }
}
