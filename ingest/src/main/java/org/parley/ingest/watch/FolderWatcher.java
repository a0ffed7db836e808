package org.parley.ingest.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.parley.ingest.IngestSummary;
import org.parley.ingest.Ingestor;
import org.parley.ingest.publish.PublishException;
import org.parley.ingest.source.BadInput;
import org.parley.ingest.source.DraftSink;
import org.parley.ingest.source.InputReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the files of a folder (recursively) as they land or change, by scanning it every second or so.
 *
 * <p>Why scanning rather than {@link java.nio.file.WatchService}: a file must be left alone until its writer
 * is done, and no event says "done", so a timer is needed either way; scanning is recursive without
 * registering every subfolder as it appears, has no event overflow to recover from, and also sees files on
 * bind mounts and network shares, where inotify is silent. A scan costs one stat per file.
 *
 * <ul>
 *   <li>A file is read once its size and modification time have stayed the same for the quiet period
 *       ({@link #DEFAULT_QUIET_PERIOD} by default), so a file written in pieces is read once, whole. A writer
 *       that pauses for longer than that between pieces should write elsewhere (or under a hidden name) and
 *       rename the file in when done: a rename is atomic, and the file appears complete.</li>
 *   <li>Files already in the folder at start are read once they have been seen quiet for the quiet period:
 *       ids make re-reading harmless downstream, and nothing that arrived while the watcher was down is
 *       missed.</li>
 *   <li>A file that changes after it was read is read again as a new version of the same article: when it
 *       held one article, the new text is published under the first version's article id (the record key),
 *       not as a new article. Saving the same text again is a duplicate. A file holding several articles
 *       (JSON lines) is read again line by line: unchanged lines are duplicates, changed lines new
 *       articles.</li>
 *   <li>Hidden files (names starting with '.') are skipped, like a writer's temporary files; so are files the
 *       glob does not select. A folder that cannot be listed, a broken symbolic link and a symbolic link loop
 *       are each logged and reported once, naming the path.</li>
 *   <li>While Kafka is away, scans are skipped until the outage's backoff runs out; a file whose articles
 *       could not all be published is read again on a later scan, so every file is published once Kafka is
 *       back.</li>
 * </ul>
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    /** Long enough for a copy over a slow link or an editor's save in pieces; short enough to feel live. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(5);
    private static final Duration MAX_SCAN_INTERVAL = Duration.ofSeconds(1);

    /** Where the watcher's files go: an {@link Ingestor}, or a stand-in in tests of the watcher alone. */
    interface Target {
        /** Reads one file, with the article id of its first version or null for a file not read before. */
        IngestSummary read(Path file, String articleKey);

        IngestSummary reject(String origin, String reason);

        /** True while Kafka is away and the next attempt is not due: the scan is skipped. */
        boolean kafkaAway();

        static Target of(Ingestor ingestor) {
            return new Target() {
                @Override
                public IngestSummary read(Path file, String articleKey) {
                    return ingestor.ingestVersion(file, articleKey);
                }

                @Override
                public IngestSummary reject(String origin, String reason) {
                    return ingestor.reject(origin, reason);
                }

                @Override
                public boolean kafkaAway() {
                    return ingestor.kafkaAway();
                }
            };
        }
    }

    /** Size and modification time: what tells that a file changed. */
    private record Stamp(long size, long modifiedMillis) {
    }

    /** A file waiting to be read: its stamp and since when (clock millis) it has had it. */
    private record Quiet(Stamp stamp, long sinceMillis) {
    }

    private final Target target;
    private final Path folder;
    private final String glob;
    private final Duration quietPeriod;
    private final Clock clock;
    private final BiConsumer<Path, IngestSummary> onFile;
    private final InputReader lister = new InputReader(Long.MAX_VALUE);
    /** Files not yet read in their current version, with the stamp they have had since when. */
    private final Map<Path, Quiet> pending = new HashMap<>();
    /** The version of each file that was last read. */
    private final Map<Path, Stamp> read = new HashMap<>();
    /** The article id of each one-article file's first version: later versions are published under it. */
    private final Map<Path, String> articleKeys = new HashMap<>();
    private final List<BadInput> folderProblems = new ArrayList<>();
    /** The files of the last listing. */
    private List<Path> listed = List.of();
    /** Problems already reported, so that each is reported once while it lasts. */
    private final Set<String> reported = new HashSet<>();
    private ScheduledExecutorService timer;
    private IngestSummary total = IngestSummary.empty();

    /**
     * @param quietPeriod how long a file's size and modification time must stay the same before it is read
     * @param onFile      told of each file read, with what became of it; called on the watcher's thread
     */
    public FolderWatcher(Ingestor ingestor, Path folder, String glob, Duration quietPeriod,
                         BiConsumer<Path, IngestSummary> onFile) {
        this(Target.of(ingestor), folder, glob, quietPeriod, Clock.systemUTC(), onFile);
    }

    FolderWatcher(Target target, Path folder, String glob, Duration quietPeriod, Clock clock,
                  BiConsumer<Path, IngestSummary> onFile) {
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("quiet period must be positive, got " + quietPeriod);
        }
        this.target = target;
        this.folder = folder;
        this.glob = glob;
        this.quietPeriod = quietPeriod;
        this.clock = clock;
        this.onFile = onFile;
    }

    /** Scans now and then about every second on a thread of its own, until closed. */
    public synchronized FolderWatcher start() {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-watch-" + folder.getFileName());
            t.setDaemon(true);
            return t;
        });
        long every = Math.min(MAX_SCAN_INTERVAL.toMillis(), Math.max(50, quietPeriod.toMillis() / 2));
        timer.scheduleWithFixedDelay(this::scanQuietly, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void scanQuietly() {
        if (target.kafkaAway()) {
            return; // the publisher logged the outage; try again once its backoff has run out
        }
        try {
            scan();
        } catch (PublishException e) {
            LOG.debug("scan of {} cut short, Kafka away: {}", folder, e.getMessage());
        } catch (RuntimeException e) {
            // A failed scan must not end the schedule: the next one tries again.
            LOG.warn("scan of {} failed: {}", folder, e.getMessage());
        }
    }

    /**
     * One scan: reads every file that has been quiet for the quiet period. Returns what was read. Throws
     * {@link PublishException} when Kafka is away; files not fully published are read again by a later scan.
     */
    public synchronized IngestSummary scan() {
        IngestSummary scanned = reportProblems(list());
        Map<Path, Stamp> now = new HashMap<>();
        for (Path f : listed) {
            Stamp s = stamp(f);
            if (s != null) {
                now.put(f, s);
            }
        }
        read.keySet().retainAll(now.keySet());
        articleKeys.keySet().retainAll(now.keySet());
        pending.keySet().retainAll(now.keySet());
        long millis = clock.millis();
        for (Path f : listed) {
            Stamp s = now.get(f);
            if (s == null || s.equals(read.get(f))) {
                pending.remove(f);
                continue;
            }
            Quiet q = pending.get(f);
            if (q == null || !q.stamp().equals(s)) {
                pending.put(f, new Quiet(s, millis));
            } else if (millis - q.sinceMillis() >= quietPeriod.toMillis()) {
                scanned = scanned.plus(readFile(f, s));
            }
        }
        total = total.plus(scanned);
        return scanned;
    }

    private IngestSummary readFile(Path f, Stamp s) {
        IngestSummary one = target.read(f, articleKeys.get(f));
        read.put(f, s);
        pending.remove(f);
        if (one.articles().size() == 1 && !articleKeys.containsKey(f)) {
            articleKeys.put(f, one.articles().get(0).id());
        }
        onFile.accept(f, one);
        return one;
    }

    private List<BadInput> list() {
        folderProblems.clear();
        listed = lister.listFolder(folder, glob, new DraftSink() {
            @Override
            public void draft(org.parley.ingest.source.Draft draft) {
            }

            @Override
            public void bad(BadInput bad) {
                folderProblems.add(bad);
            }
        });
        return folderProblems;
    }

    /** Reports each problem of the listing once while it lasts: a log line naming the path, and a rejection. */
    private IngestSummary reportProblems(List<BadInput> problems) {
        Set<String> current = new HashSet<>();
        IngestSummary reportedNow = IngestSummary.empty();
        for (BadInput p : problems) {
            String key = p.origin() + "\n" + p.reason();
            current.add(key);
            if (reported.add(key)) {
                LOG.warn("skipping {}: {}", p.origin(), p.reason());
                IngestSummary one = target.reject(p.origin(), p.reason());
                reportedNow = reportedNow.plus(one);
                onFile.accept(Path.of(p.origin()), one);
            }
        }
        // A problem that went away and comes back is reported again.
        reported.retainAll(current);
        return reportedNow;
    }

    /** Everything read since the watcher started. */
    public synchronized IngestSummary total() {
        return total;
    }

    private static Stamp stamp(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return a.isRegularFile() ? new Stamp(a.size(), a.lastModifiedTime().toMillis()) : null;
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
