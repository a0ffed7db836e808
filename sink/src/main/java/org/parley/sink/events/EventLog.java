package org.parley.sink.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.sink.files.AtomicFiles;
import org.parley.sink.files.UncheckedOutputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events.jsonl file and its rotated predecessors: one event JSON per line, each event id at most once.
 *
 * <p>On open it reconciles with the disk: a last line cut short by a crash is truncated away, rotations that a
 * crash interrupted are finished, and the ids of the events already written are loaded so that replayed
 * records are not written twice. {@link #append} writes and fsyncs before it returns, so that the caller may
 * then commit the offsets the written events came from.
 *
 * <p>Memory is bounded: the log remembers the ids of the last {@code maxIds} events written (files read oldest
 * first on open), about 24 bytes each. A replay after a crash goes back at most one poll, far less than the
 * default million; only an event coming again after more than {@code maxIds} newer ones (a changed article
 * re-coded long after, a consumer group reset to the earliest offsets) is written a second time. The first id
 * forgotten is logged once (docs/operations.md, "Bounded memory").
 */
public final class EventLog implements Closeable {
    public static final String CURRENT = "events.jsonl";
    /** events-YYYY-MM-DD.jsonl, events-YYYY-MM-DD-3.jsonl, either optionally .gz. */
    public static final Pattern ROTATED = Pattern.compile(
            "events-(\\d{4}-\\d{2}-\\d{2})(?:-(\\d+))?\\.jsonl(\\.gz)?");
    /** About 24 MB of ids: far more than a replay after a crash can bring back. */
    public static final int DEFAULT_MAX_IDS = 1_000_000;
    /** The setting that sets the bound (see SinkOptions). */
    static final String MAX_IDS_SETTING = "PARLEY_SINK_MAX_IDS";

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final ObjectWriter LINE_WRITER = Json.mapper().writerFor(Event.class);

    private final Path dir;
    private final Path current;
    private final Rotation rotation;
    private final long maxBytes;
    private final boolean gzip;
    private final Clock clock;
    private final RecentIds ids;
    private long lines;
    private FileChannel channel;
    private long size;
    private int rotatedFiles;
    private boolean fresh;

    private EventLog(Path dir, Rotation rotation, long maxBytes, boolean gzip, Clock clock, int maxIds) {
        this.ids = new RecentIds(maxIds);
        this.dir = dir;
        this.current = dir.resolve(CURRENT);
        this.rotation = rotation;
        this.maxBytes = maxBytes;
        this.gzip = gzip;
        this.clock = clock;
    }

    /** As {@link #open(Path, Rotation, long, boolean, Clock, int)} with the default id bound. */
    public static EventLog open(Path dir, Rotation rotation, long maxBytes, boolean gzip, Clock clock) {
        return open(dir, rotation, maxBytes, gzip, clock, DEFAULT_MAX_IDS);
    }

    /**
     * Opens the log in {@code dir} (which must exist), reconciling with what a previous run left there.
     *
     * @param maxIds how many of the latest event ids to remember against duplicates
     */
    public static EventLog open(Path dir, Rotation rotation, long maxBytes, boolean gzip, Clock clock, int maxIds) {
        if (rotation == Rotation.SIZE && maxBytes <= 0) {
            throw new IllegalArgumentException("size rotation needs a positive size limit, got " + maxBytes);
        }
        EventLog log = new EventLog(dir, rotation, maxBytes, gzip, clock, maxIds);
        try {
            log.fresh = !Files.exists(log.current) && !log.anyRotated();
            log.recoverRotated();
            log.recoverCurrent();
            log.openCurrent();
        } catch (IOException e) {
            log.closeQuietly();
            throw new UncheckedOutputException("cannot open " + log.current, e);
        }
        return log;
    }

    /** Whether an event with this id is already on disk. */
    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** Event lines on disk, over the current and rotated files. */
    public long size() {
        return lines;
    }

    /** Event ids remembered against duplicates: the latest {@link #size()}, at most the bound. */
    public int remembered() {
        return ids.size();
    }

    /** Whether there were no event files at all when the log was opened (a new or emptied directory). */
    public boolean fresh() {
        return fresh;
    }

    /** Files the log consists of: events.jsonl plus the rotated ones. */
    public int files() {
        return 1 + rotatedFiles;
    }

    /**
     * Appends the events whose ids are not on disk yet (each id once, first one wins), then fsyncs.
     *
     * @return the events written
     */
    public List<Event> append(List<Event> events) {
        List<Event> fresh = new ArrayList<>();
        Set<String> batchIds = new HashSet<>();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try {
            for (Event e : events) {
                if (e.id() == null || ids.contains(e.id()) || !batchIds.add(e.id())) {
                    continue;
                }
                lines.write(LINE_WRITER.writeValueAsBytes(e));
                lines.write('\n');
                fresh.add(e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise an event", e);
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        try {
            rotateIfDue();
            AtomicFiles.writeFully(channel, lines.toByteArray());
            channel.force(true);
            size = channel.size();
        } catch (IOException e) {
            throw new UncheckedOutputException("cannot append to " + current, e);
        }
        // Only now are the ids durable: a failed write leaves them out, and a restart truncates the torn tail.
        for (Event e : fresh) {
            remember(e.id());
        }
        return fresh;
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedOutputException("cannot close " + current, e);
            } finally {
                channel = null;
            }
        }
    }

    private void remember(String id) {
        lines++;
        if (ids.add(id)) {
            LOG.info("{}: remembering the latest {} event ids ({}); an older event that comes again will be "
                    + "written again", current, ids.capacity(), MAX_IDS_SETTING);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // Only used when opening already failed.
        }
    }

    // --- rotation -------------------------------------------------------------------------------------------

    private void rotateIfDue() throws IOException {
        if (size == 0) {
            return;
        }
        boolean due = switch (rotation) {
            case NONE -> false;
            case SIZE -> size >= maxBytes;
            case DAILY -> !lastModifiedDay(current).equals(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        };
        if (due) {
            rotate();
        }
    }

    /** Closes events.jsonl, renames it to its dated name, optionally gzips it, and starts a fresh one. */
    void rotate() throws IOException {
        channel.force(true);
        channel.close();
        channel = null;
        Path target = nextRotatedName(lastModifiedDay(current));
        Files.move(current, target, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsyncDirectory(dir);
        rotatedFiles++;
        if (gzip) {
            compress(target);
        }
        openCurrent();
        LOG.info("rotated {} to {}", current, gzip ? target.getFileName() + ".gz" : target.getFileName());
    }

    private Path nextRotatedName(LocalDate day) {
        for (int n = 0; ; n++) {
            String base = "events-" + day + (n == 0 ? "" : "-" + n) + ".jsonl";
            if (!Files.exists(dir.resolve(base)) && !Files.exists(dir.resolve(base + ".gz"))) {
                return dir.resolve(base);
            }
        }
    }

    /** plain.jsonl to plain.jsonl.gz through a temporary file; the plain file goes only once the .gz is durable. */
    private void compress(Path plain) throws IOException {
        Path gz = plain.resolveSibling(plain.getFileName() + ".gz");
        Path temp = AtomicFiles.tempFor(gz);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream os = new GZIPOutputStream(Channels.newOutputStream(out), 64 * 1024);
            Files.copy(plain, os);
            os.flush();
            ((GZIPOutputStream) os).finish();
            out.force(true);
        }
        Files.move(temp, gz, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsyncDirectory(dir);
        Files.delete(plain);
        AtomicFiles.fsyncDirectory(dir);
    }

    /** events-D.jsonl, then events-D-1.jsonl, events-D-2.jsonl ... (plain name order puts -10 before -2). */
    static final Comparator<Path> WRITTEN_ORDER = Comparator
            .comparing((Path p) -> rotatedPart(p, 1))
            .thenComparingLong(p -> {
                String n = rotatedPart(p, 2);
                return n == null ? 0 : Long.parseLong(n);
            });

    private static String rotatedPart(Path p, int group) {
        Matcher m = ROTATED.matcher(p.getFileName().toString());
        return m.matches() ? m.group(group) : null;
    }

    private static LocalDate lastModifiedDay(Path p) throws IOException {
        return LocalDate.ofInstant(Files.getLastModifiedTime(p).toInstant(), ZoneOffset.UTC);
    }

    // --- recovery -------------------------------------------------------------------------------------------

    private boolean anyRotated() throws IOException {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> ROTATED.matcher(p.getFileName().toString()).matches());
        }
    }

    private void recoverRotated() throws IOException {
        AtomicFiles.deleteTemps(dir);
        List<Path> rotated = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                Matcher m = ROTATED.matcher(p.getFileName().toString());
                if (m.matches()) {
                    rotated.add(p);
                }
            }
        }
        for (Path p : rotated) {
            String name = p.getFileName().toString();
            if (name.endsWith(".gz")) {
                continue;
            }
            Path gz = p.resolveSibling(name + ".gz");
            if (Files.exists(gz)) {
                // A crash came between the .gz becoming durable and the plain file's deletion.
                Files.delete(p);
                AtomicFiles.fsyncDirectory(dir);
            } else if (gzip) {
                compress(p);
            }
        }
        rotatedFiles = 0;
        List<Path> inOrder;
        try (var files = Files.list(dir)) {
            inOrder = files.filter(p -> ROTATED.matcher(p.getFileName().toString()).matches())
                    .sorted(WRITTEN_ORDER).toList();
        }
        // Oldest first, so that the ids remembered are the latest.
        for (Path p : inOrder) {
            rotatedFiles++;
            try (InputStream in = p.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
                readIds(p, in, false);
            }
        }
    }

    /**
     * Truncates a torn tail off events.jsonl: bytes after the last newline (a line whose write a crash cut
     * short), and a last line that is not valid JSON (a line the file system lost part of).
     */
    private void recoverCurrent() throws IOException {
        if (!Files.exists(current)) {
            return;
        }
        long validEnd = endOfLastCompleteLine(current);
        long fileSize = Files.size(current);
        if (validEnd < fileSize) {
            LOG.warn("{}: truncating {} bytes of a line cut short by a crash", current, fileSize - validEnd);
            truncate(validEnd);
        }
        long lastLineStart;
        try (InputStream in = Files.newInputStream(current)) {
            lastLineStart = readIds(current, in, true);
        }
        if (lastLineStart >= 0) {
            LOG.warn("{}: truncating a last line that is not valid JSON", current);
            truncate(lastLineStart);
        }
    }

    private void truncate(long length) throws IOException {
        try (FileChannel ch = FileChannel.open(current, StandardOpenOption.WRITE)) {
            ch.truncate(length);
            ch.force(true);
        }
    }

    /** Offset just after the last '\n' of the file, or 0 when there is none. */
    static long endOfLastCompleteLine(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (pos > 0) {
                int len = (int) Math.min(buf.capacity(), pos);
                long start = pos - len;
                buf.clear().limit(len);
                while (buf.hasRemaining()) {
                    if (ch.read(buf, start + buf.position()) < 0) {
                        throw new IOException("file shrank while reading " + file);
                    }
                }
                for (int i = len - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        return start + i + 1;
                    }
                }
                pos = start;
            }
            return 0;
        }
    }

    /**
     * Adds the id of every line to {@link #ids}. Lines that are not JSON events are reported with their file and
     * line number and skipped.
     *
     * @param lastLineMayBeTorn whether an invalid last line is to be reported to the caller instead of logged
     * @return the byte offset of the last line when it is invalid and {@code lastLineMayBeTorn}, else -1
     */
    private long readIds(Path file, InputStream in, boolean lastLineMayBeTorn) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        long offset = 0;
        long badLastLine = -1;
        int badLineNo = 0;
        int lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            long lineStart = offset;
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (badLastLine >= 0) {
                LOG.warn("{} line {}: not an event JSON line; kept as is", file, badLineNo);
                badLastLine = -1;
            }
            String id = idOf(line);
            if (id != null) {
                remember(id);
            } else {
                badLastLine = lineStart;
                badLineNo = lineNo;
            }
        }
        if (badLastLine >= 0 && !lastLineMayBeTorn) {
            LOG.warn("{} line {}: not an event JSON line; kept as is", file, badLineNo);
            return -1;
        }
        return badLastLine;
    }

    private static String idOf(String line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            JsonNode id = node == null ? null : node.get("id");
            return id == null || !id.isTextual() ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private void openCurrent() throws IOException {
        boolean created = !Files.exists(current);
        channel = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        size = channel.size();
        if (created) {
            AtomicFiles.fsyncDirectory(dir);
        }
    }
}
