package org.parley.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.parley.ingest.Ingestor;
import org.parley.ingest.watch.FolderWatcher;
import org.parley.local.EmbeddedKafka;
import org.parley.processor.ProcessorApp;
import org.parley.sink.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code parley run} started, closed in the order data flows: ingest first (no new articles), then the
 * processor (commits, writes its store checkpoints and leaves the group), then the sink (commits what it wrote),
 * and the broker last, since everyone before it still talks to it while closing. A part that was never started is
 * null and skipped.
 */
final class RunParts {
    private static final Logger LOG = LoggerFactory.getLogger(RunParts.class);

    FolderWatcher watcher;
    Ingestor ingestor;
    ProcessorApp processor;
    Sink sink;
    EmbeddedKafka broker;

    boolean isEmpty() {
        return watcher == null && ingestor == null && processor == null && sink == null && broker == null;
    }

    /** Closes every part, each even if one before it failed; returns one line saying how long each took. */
    String close() {
        long t0 = System.nanoTime();
        List<String> took = new ArrayList<>();
        closeTimed("ingest", took, () -> {
            closeQuietly("watcher", watcher);
            closeQuietly("ingestor", ingestor);
        });
        closeTimed("processor", took, () -> closeQuietly("processor", processor));
        closeTimed("sink", took, () -> closeQuietly("sink", sink));
        closeTimed("broker", took, () -> closeQuietly("broker", broker));
        return String.format("stopped in %.1f s (%s)", seconds(System.nanoTime() - t0), String.join(", ", took));
    }

    private static void closeTimed(String name, List<String> took, Runnable close) {
        long t0 = System.nanoTime();
        close.run();
        took.add(String.format("%s %.1f s", name, seconds(System.nanoTime() - t0)));
    }

    private static void closeQuietly(String name, AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            // on the way out the rest must still close; say what went wrong
            LOG.warn("closing the {} failed", name, e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / (double) TimeUnit.SECONDS.toNanos(1);
    }
}
