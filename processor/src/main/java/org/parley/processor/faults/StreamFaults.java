package org.parley.processor.faults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What has gone wrong in the stream threads, shared by the guards in the topology, the exception handlers and the
 * uncaught-exception handler: which record each task is on, which records killed a thread, which records are
 * condemned (to be dead-lettered when read again instead of processed), and when a thread last failed.
 *
 * <p>Under exactly-once a thread that dies rewinds its tasks to their last commit, and its replacement reads the
 * same records again in the same order. A record that killed a thread twice would go on doing so, so it is
 * condemned. A record whose output cannot be written at all (larger than the producer may send) is condemned
 * at once: it would fail the same way every time.
 */
public final class StreamFaults {
    /** Streams property under which the faults reach the exception handlers, which Kafka instantiates. */
    public static final String CONFIG = "parley.stream.faults";
    /** How long after a stream thread failed {@code /health} says DEGRADED. */
    public static final Duration DEGRADED_FOR = Duration.ofSeconds(60);
    /** Thread deaths on one record that condemn it. */
    public static final int DEATHS_TO_CONDEMN = 2;
    /** Bound on the death counts kept; beyond it the oldest counts are forgotten (they were not repeats). */
    private static final int MAX_TRACKED = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(StreamFaults.class);

    /** A record by where it was read. */
    public record Position(String topic, int partition, long offset) {
        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private record Current(Position position, Thread thread) {
    }

    /** The latest stream-thread failure. */
    public record Failure(Instant at, String thread, String message) {
    }

    private final Clock clock;
    /** The record each task is on, and the thread processing it. */
    private final Map<TaskId, Current> current = new ConcurrentHashMap<>();
    private final Map<Position, Integer> deaths = new ConcurrentHashMap<>();
    private final Map<Position, String> condemned = new ConcurrentHashMap<>();
    private volatile Failure lastFailure;

    public StreamFaults() {
        this(Clock.systemUTC());
    }

    public StreamFaults(Clock clock) {
        this.clock = clock;
    }

    /** The faults handed over in {@link #CONFIG}, or a private instance (a test topology without an app). */
    public static StreamFaults from(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof StreamFaults f ? f : new StreamFaults();
    }

    /** A guard saw a task start on a record. */
    void entered(TaskId task, Position p) {
        current.put(task, new Current(p, Thread.currentThread()));
    }

    /**
     * The record {@code task} is processing on the calling thread, or null. A send that fails at once (the
     * producer refuses a record before queueing it) reports on the thread that made the record, while that
     * record is being processed; one that fails later reports on the producer's own thread, and is not blamed
     * on whatever record the task has moved on to.
     */
    public Position processingHere(TaskId task) {
        Current c = task == null ? null : current.get(task);
        return c != null && c.thread() == Thread.currentThread() ? c.position() : null;
    }

    /** Why the record is condemned, or null when it may be processed. */
    public String condemnedReason(Position p) {
        return condemned.get(p);
    }

    public void condemn(Position p, String reason) {
        if (condemned.putIfAbsent(p, reason) == null) {
            LOG.error("record {} is condemned: it will be dead-lettered when read again. Reason: {}", p, reason);
        }
    }

    /**
     * A stream thread died with {@code e} (called on that thread by the uncaught-exception handler). Counts the
     * death against the record its task was on, and condemns that record on its {@value #DEATHS_TO_CONDEMN}nd
     * death. Returns the record blamed, or null when the exception names no task.
     */
    public Position threadDied(Throwable e) {
        lastFailure = new Failure(clock.instant(), Thread.currentThread().getName(), describe(e));
        TaskId task = taskOf(e);
        Current c = task == null ? null : current.get(task);
        Position p = c == null ? null : c.position();
        if (p == null) {
            return null;
        }
        if (deaths.size() > MAX_TRACKED) {
            deaths.clear();
        }
        int n = deaths.merge(p, 1, Integer::sum);
        if (n >= DEATHS_TO_CONDEMN) {
            condemn(p, "the stream thread died " + n + " times on this record; last: " + describe(e));
        }
        return p;
    }

    /** The latest failure while it is recent, i.e. while the processor is degraded. */
    public Optional<Failure> degraded() {
        Failure f = lastFailure;
        return f != null && f.at().plus(DEGRADED_FOR).isAfter(clock.instant()) ? Optional.of(f) : Optional.empty();
    }

    private static TaskId taskOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamsException se && se.taskId().isPresent()) {
                return se.taskId().get();
            }
        }
        return null;
    }

    /** The exception and its causes, one line. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 2_000; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }
}
