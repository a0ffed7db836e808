package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;

/**
 * Sentences per CPU-second of the coding thread, on {@link CoderBenchmark#SENTENCES}. JMH measures wall time,
 * which on a shared, overloaded machine mostly measures the other processes; the thread's CPU time does not.
 * Usage: {@code java -cp 'bench/target/parley-bench.jar:bench/target/lib/*' org.parley.bench.CpuThroughput [rounds]}.
 */
public final class CpuThroughput {
    private CpuThroughput() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String article = String.join(" ", CoderBenchmark.SENTENCES);
        EventCoder coder = EventCoder.withDefaultDictionaries();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        LocalDate day = LocalDate.of(2024, 6, 1);
        double best = 0;
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            int sentences = 0;
            for (int i = 0; i < 2000; i++) {
                sentences += coder.code(new CoderInput("b", article, day, null)).sentenceCount();
            }
            double perSecond = sentences / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
            best = Math.max(best, perSecond);
            System.out.printf("round %d: %.0f sentences per CPU-second%n", r + 1, perSecond);
        }
        System.out.printf("best: %.0f sentences per CPU-second (one thread)%n", best);
    }
}
