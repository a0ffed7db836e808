package org.parley.contracts.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/** The JVM meters every part that serves {@code /metrics} registers, so that one dashboard fits them all. */
public final class JvmMeters {
    private JvmMeters() {
    }

    /**
     * Memory (heap and off-heap pools, buffers), GC pauses, threads, classes, CPU and uptime: what a JVM
     * dashboard (e.g. Grafana's "JVM (Micrometer)") expects, under Micrometer's standard names ({@code jvm_*},
     * {@code process_*}, {@code system_*}). Returns the GC binder, which listens to the JVM until closed.
     */
    public static AutoCloseable bindTo(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return gc;
    }
}
