package org.parley.ingest.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingestor;
import org.parley.ingest.source.BadInput;
import org.parley.ingest.source.DraftSink;
import org.parley.ingest.source.InputReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the files of a folder (recursively) as they land or change, by scanning it every {@code settle}
 * period.
 *
 * <p>Why scanning rather than {@link java.nio.file.WatchService}: a file must be left alone until its writer
 * is done, and no event says "done", so a timer is needed either way; scanning is recursive without
 * registering every subfolder as it appears, has no event overflow to recover from, and also sees files on
 * bind mounts and network shares, where inotify is silent. A scan costs one stat per file per period.
 *
 * <ul>
 *   <li>A file is read once its size and modification time were the same in two scans in a row, i.e. it has
 *       not changed for at least one settle period, so half-written files are not read.</li>
 *   <li>Files already in the folder at start are read on the first settled scan: ids make re-reading harmless
 *       downstream, and nothing that arrived while the watcher was down is missed.</li>
 *   <li>A changed file is read again: changed text gets a new id and is published; the same text again is a
 *       duplicate. A file is not read again while it stays unchanged, rejected or not.</li>
 *   <li>Hidden files (names starting with '.') are skipped, like a writer's temporary files; so are files the
 *       glob does not select. A folder that cannot be listed is reported once.</li>
 * </ul>
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    /** Size and modification time: what tells that a file changed. */
    private record Stamp(long size, long modifiedMillis) {
    }

    private final Ingestor ingestor;
    private final Path folder;
    private final String glob;
    private final Duration settle;
    private final BiConsumer<Path, IngestSummary> onFile;
    private final InputReader lister = new InputReader(Long.MAX_VALUE);
    /** Stamps seen in the last scan, for files not yet read in that version. */
    private final Map<Path, Stamp> pending = new HashMap<>();
    /** The version of each file that was last read. */
    private final Map<Path, Stamp> read = new HashMap<>();
    private final List<BadInput> folderProblems = new ArrayList<>();
    /** Folders that could not be listed and were already reported, so that each is reported once. */
    private final java.util.Set<String> reported = new java.util.HashSet<>();
    private ScheduledExecutorService timer;
    private IngestSummary total = IngestSummary.empty();

    /**
     * @param onFile told of each file read, with what became of it; called on the watcher's thread
     */
    public FolderWatcher(Ingestor ingestor, Path folder, String glob, Duration settle,
                         BiConsumer<Path, IngestSummary> onFile) {
        if (settle.isNegative() || settle.isZero()) {
            throw new IllegalArgumentException("settle must be positive, got " + settle);
        }
        this.ingestor = ingestor;
        this.folder = folder;
        this.glob = glob;
        this.settle = settle;
        this.onFile = onFile;
    }

    /** Scans now and then every settle period on a thread of its own, until closed. */
    public synchronized FolderWatcher start() {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-watch-" + folder.getFileName());
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::scanQuietly, 0, settle.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException e) {
            // A failed scan (Kafka gone, say) must not end the schedule: the next one tries again.
            LOG.warn("scan of {} failed: {}", folder, e.getMessage());
        }
    }

    /** One scan: reads every file that has settled since the last scan. Returns what was read. */
    public synchronized IngestSummary scan() {
        folderProblems.clear();
        List<Path> files = lister.listFolder(folder, glob, new DraftSink() {
            @Override
            public void draft(org.parley.ingest.source.Draft draft) {
            }

            @Override
            public void bad(BadInput bad) {
                folderProblems.add(bad);
            }
        });
        IngestSummary scanned = IngestSummary.empty();
        for (BadInput p : folderProblems) {
            if (reported.add(p.origin() + "\n" + p.reason())) {
                IngestSummary one = ingestor.reject(p.origin(), p.reason());
                scanned = scanned.plus(one);
                onFile.accept(Path.of(p.origin()), one);
            }
        }
        Map<Path, Stamp> now = new HashMap<>();
        for (Path f : files) {
            Stamp s = stamp(f);
            if (s != null) {
                now.put(f, s);
            }
        }
        read.keySet().retainAll(now.keySet());
        for (Path f : files) {
            Stamp s = now.get(f);
            if (s == null || s.equals(read.get(f))) {
                continue;
            }
            if (s.equals(pending.get(f))) {
                IngestSummary one = ingestor.ingest(List.of(f));
                read.put(f, s);
                pending.remove(f);
                scanned = scanned.plus(one);
                onFile.accept(f, one);
            } else {
                pending.put(f, s);
            }
        }
        pending.keySet().retainAll(now.keySet());
        total = total.plus(scanned);
        return scanned;
    }

    /** Everything read since the watcher started. */
    public synchronized IngestSummary total() {
        return total;
    }

    private static Stamp stamp(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
        }
        if (t != null) {
            t.shutdown();
            try {
                if (!t.awaitTermination(30, TimeUnit.SECONDS)) {
                    t.shutdownNow();
                }
            } catch (InterruptedException e) {
                t.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "FolderWatcher[" + Objects.toString(folder) + "]";
    }
}
