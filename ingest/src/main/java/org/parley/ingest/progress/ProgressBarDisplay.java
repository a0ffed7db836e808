package org.parley.ingest.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.parley.ingest.IngestProgress;

/**
 * The bulk-ingest progress bar (drawn by the progressbar library on stderr): megabytes of input read, with
 * rate and ETA, and the articles sent so far. It appears only when stderr is a terminal and the input is more
 * than a handful of files or a large file; otherwise it stays silent.
 */
public final class ProgressBarDisplay implements IngestProgress, AutoCloseable {
    /** More files than this is bulk. */
    public static final int HANDFUL = 5;
    /** A single input this large (a JSON-lines dump) is bulk too. */
    public static final long LARGE_BYTES = 16L * 1024 * 1024;

    private final boolean terminal;
    private ProgressBar bar;

    public ProgressBarDisplay(boolean terminal) {
        this.terminal = terminal;
    }

    public static boolean worthShowing(int files, long totalBytes) {
        return files > HANDFUL || totalBytes >= LARGE_BYTES;
    }

    @Override
    public void started(int files, long totalBytes) {
        if (!terminal || !worthShowing(files, totalBytes)) {
            return;
        }
        bar = new ProgressBarBuilder().setTaskName("ingest " + files + (files == 1 ? " file" : " files"))
                .setInitialMax(Math.max(totalBytes, 1)).setUnit("MB", 1_000_000).showSpeed()
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void advanced(long bytes, int articles) {
        if (bar != null) {
            bar.stepBy(bytes);
            bar.setExtraMessage(" " + articles + " articles");
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /**
     * Whether stderr is a terminal. Java 17 only tells about stdin and stdout together ({@code System.console()}),
     * so on Linux the file descriptor is looked at; elsewhere the console is the best guess.
     */
    public static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }
}
