package org.parley.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.parley.contracts.Topics;
import org.parley.sink.events.EventLog;
import org.parley.sink.files.OutDir;
import org.parley.sink.gdelt.GdeltExport;
import org.parley.sink.stance.StanceStore;
import org.parley.sink.state.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output directory of one sink, held under a file lock ({@code .sink/lock}) while it is open: the event log,
 * the GDELT export when it is on, the stance snapshots and the stored offsets. Opening it reconciles the stored
 * offsets with the files: a file that is missing is rebuilt by reading its topic from the beginning.
 */
final class SinkFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SinkFiles.class);

    private final OutDir out;
    private FileChannel lockChannel;
    private FileLock lock;
    private EventLog events;
    /** The GDELT export, or null when it is off. */
    private GdeltExport gdelt;
    private StanceStore stance;
    private StateFile state;

    private SinkFiles(Path root) {
        this.out = new OutDir(root);
    }

    /**
     * Locks and opens {@code root}. Throws {@link SinkException} when it cannot be written or another sink holds
     * it; nothing stays locked or open then.
     */
    static SinkFiles open(Path root, SinkOptions options, Clock clock, Topics topics) {
        SinkFiles files = new SinkFiles(root);
        try {
            files.open(options, clock, topics);
            return files;
        } catch (RuntimeException e) {
            files.release();
            throw e instanceof SinkException se ? se : new SinkException(e.getMessage(), e);
        }
    }

    private void open(SinkOptions options, Clock clock, Topics topics) {
        try {
            Files.createDirectories(out.root());
        } catch (IOException e) {
            throw new SinkException("cannot create output directory " + out.root() + ": " + e, e);
        }
        if (!Files.isDirectory(out.root()) || !Files.isWritable(out.root())) {
            throw new SinkException("output directory " + out.root() + " is not a writable directory");
        }
        try {
            lock();
            events = EventLog.open(out.root(), options.rotation(), options.maxBytes(), options.gzip(), clock,
                    options.maxIds());
            if (options.gdelt()) {
                gdelt = GdeltExport.open(out, events, clock, options.maxIds());
            }
            stance = StanceStore.load(out);
            state = StateFile.load(out.resolve(StateFile.DIR, StateFile.FILE));
            // The files are the truth: a file that is missing (deleted, or never written) is rebuilt by reading
            // its topic from the beginning, whatever offsets are stored.
            if (events.fresh()) {
                state.forget(topics.events().name());
            }
            for (StanceStore.Snapshot missing : stance.missing()) {
                state.forget(switch (missing) {
                    case DYADS -> topics.dyadStance().name();
                    case COUNTRIES -> topics.countryStance().name();
                    case DAILY -> topics.dailyStance().name();
                });
            }
            LOG.debug("{}: {} events on disk in {} files, {} snapshot files", out.root(), events.size(),
                    events.files(), stance.files());
        } catch (UncheckedIOException e) {
            throw new SinkException("cannot use output directory " + out.root() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SinkException("cannot lock output directory " + out.root() + ": " + e, e);
        }
    }

    private void lock() throws IOException {
        Path stateDir = out.directory(StateFile.DIR);
        lockChannel = FileChannel.open(stateDir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new SinkException("another sink is writing to " + out.root());
        }
    }

    Path root() {
        return out.root();
    }

    EventLog events() {
        return events;
    }

    /** The GDELT export, or null when it is off. */
    GdeltExport gdelt() {
        return gdelt;
    }

    StanceStore stance() {
        return stance;
    }

    StateFile state() {
        return state;
    }

    /** Event files on disk, 0 once released. */
    synchronized int eventFiles() {
        return events == null ? 0 : events.files();
    }

    /** Closes the event log and releases the lock; safe to call more than once. */
    synchronized void release() {
        if (events != null) {
            try {
                events.close();
            } catch (RuntimeException e) {
                LOG.warn("{}", e.getMessage());
            }
            events = null;
        }
        gdelt = null;
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("cannot release the lock on {}: {}", out.root(), e.toString());
        }
        lock = null;
        lockChannel = null;
    }
}
