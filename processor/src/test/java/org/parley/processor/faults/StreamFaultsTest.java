package org.parley.processor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class StreamFaultsTest {
    private static final TaskId TASK = new TaskId(0, 1);
    private static final StreamFaults.Position AT_7 = new StreamFaults.Position("articles", 1, 7);

    private static StreamsException death(TaskId task) {
        return new StreamsException("Error encountered sending record", new IllegalStateException("boom"), task);
    }

    @Test
    void aRecordIsCondemnedOnTheSecondThreadDeathItCaused() {
        StreamFaults faults = new StreamFaults();
        faults.entered(TASK, AT_7);
        assertThat(faults.threadDied(death(TASK))).isEqualTo(AT_7);
        assertThat(faults.condemnedReason(AT_7)).as("one death may be bad luck").isNull();
        assertThat(faults.threadDied(death(TASK))).isEqualTo(AT_7);
        assertThat(faults.condemnedReason(AT_7)).contains("died 2 times", "boom");
    }

    @Test
    void deathsOnDifferentRecordsDoNotAddUp() {
        StreamFaults faults = new StreamFaults();
        faults.entered(TASK, AT_7);
        faults.threadDied(death(TASK));
        StreamFaults.Position at8 = new StreamFaults.Position("articles", 1, 8);
        faults.entered(TASK, at8);
        faults.threadDied(death(TASK));
        assertThat(faults.condemnedReason(AT_7)).isNull();
        assertThat(faults.condemnedReason(at8)).isNull();
    }

    @Test
    void aDeathThatNamesNoTaskBlamesNoRecordButStillDegradesHealth() {
        StreamFaults faults = new StreamFaults();
        faults.entered(TASK, AT_7);
        assertThat(faults.threadDied(new IllegalStateException("no task"))).isNull();
        assertThat(faults.degraded()).get().extracting(StreamFaults.Failure::message).asString()
                .contains("no task");
    }

    @Test
    void healthIsDegradedForAMinuteAfterTheLastFailure() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));
        StreamFaults faults = new StreamFaults(clock);
        assertThat(faults.degraded()).isEmpty();
        faults.threadDied(death(TASK));
        clock.now = clock.now.plus(StreamFaults.DEGRADED_FOR).minusMillis(1);
        assertThat(faults.degraded()).isPresent();
        clock.now = clock.now.plus(Duration.ofMillis(1));
        assertThat(faults.degraded()).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
