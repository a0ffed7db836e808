package org.parley.sink.gdelt;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.sink.events.EventLog;
import org.parley.sink.events.RecentIds;
import org.parley.sink.files.AtomicFiles;
import org.parley.sink.files.OutDir;
import org.parley.sink.files.UncheckedOutputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GDELT export: {@code gdelt/events-YYYYMMDD.export.CSV} under the output directory, one GDELT 2.0 event row
 * per event, each event once, the file named by the row's DATEADDED day. Each row counts the mentions of its
 * distinct event up to itself ({@link MentionTally}; docs/gdelt.md, "Mentions").
 *
 * <p>events.jsonl ({@link EventLog}) is the truth and this export a view of it. The sink appends here exactly
 * the events {@link EventLog#append} has just written, so the log's dedupe decides for both. A crash between
 * the two writes leaves events in the log that are missing here; {@link #open} finds them by comparing counts
 * and copies them from the event files, so the two agree again before the sink reads on. Rows are also
 * deduplicated by GLOBALEVENTID against what is on disk here, so an events.jsonl rebuilt from the topic does not
 * duplicate rows either.
 *
 * <p>The GLOBALEVENTIDs it remembers against duplicates are bounded like the event log's ids, by the same setting
 * ({@value #MAX_IDS_SETTING}): the latest N are kept, the oldest forgotten first (24 bytes an id). Like the event
 * log, an event coming again after more than N newer ones is written again. After a crash, the rows the export
 * lacks are the last ones the log wrote (the export appends what the log has just appended, in the same order),
 * so once the remembered ids no longer cover the whole export, what is copied from the log is what comes after the
 * last event of the log the export still remembers.
 */
public final class GdeltExport {
    public static final String DIR = "gdelt";
    /** events-YYYYMMDD.export.CSV, like GDELT's YYYYMMDDHHMMSS.export.CSV but one file per day. */
    public static final Pattern FILE = Pattern.compile("events-(\\d{8})\\.export\\.CSV");

    private static final Logger LOG = LoggerFactory.getLogger(GdeltExport.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final int BACKFILL_BATCH = 10_000;
    static final String MAX_IDS_SETTING = "PARLEY_SINK_MAX_IDS";
    /**
     * Distinct events whose mentions are counted at most (fewer when {@value #MAX_IDS_SETTING} is lower): about
     * 150 bytes each. A story is mostly retold within days, when its distinct event is still among the latest.
     */
    static final int MAX_DISTINCT_EVENTS = 200_000;

    private final OutDir out;
    private final Path dir;
    private final Clock clock;
    private final RecentIds ids;
    private final MentionTally mentions;
    /** Whether an id was ever forgotten: then {@link #ids} no longer covers every row. */
    private boolean forgetting;
    /** Complete rows in the export. */
    private long rows;
    private int files;

    private GdeltExport(OutDir out, Path dir, Clock clock, int maxIds) {
        this.out = out;
        this.dir = dir;
        this.clock = clock;
        this.ids = new RecentIds(maxIds);
        this.mentions = new MentionTally(Math.min(maxIds, MAX_DISTINCT_EVENTS));
    }

    /**
     * Opens the export under {@code out}, repairs rows a crash cut short, and adds the events the event log holds
     * but the export lacks (after a crash between the two writes, or when the export is switched on for a
     * directory that already has events).
     *
     * @param log the event log, already opened (and so reconciled) on the same directory
     */
    public static GdeltExport open(OutDir out, EventLog log, Clock clock) {
        return open(out, log, clock, EventLog.DEFAULT_MAX_IDS);
    }

    /**
     * As {@link #open(OutDir, EventLog, Clock)}, remembering the latest {@code maxIds} GLOBALEVENTIDs against
     * duplicates ({@value #MAX_IDS_SETTING}).
     */
    public static GdeltExport open(OutDir out, EventLog log, Clock clock, int maxIds) {
        GdeltExport export = new GdeltExport(out, out.directory(DIR), clock, maxIds);
        try {
            AtomicFiles.deleteTemps(export.dir);
            export.load();
            // Always read the event files: the mention counts of the rows to come continue from all before them.
            int added = export.replay(out.root(), export.rows != log.size());
            if (added > 0) {
                LOG.info("{}: added {} events from the event files that the GDELT export lacked", export.dir,
                        added);
            }
        } catch (IOException e) {
            throw new UncheckedOutputException("cannot open the GDELT export in " + export.dir, e);
        }
        return export;
    }

    /** Complete rows in the export (each a distinct GLOBALEVENTID, unless one was forgotten and came again). */
    public long size() {
        return rows;
    }

    /** GLOBALEVENTIDs remembered against duplicates: the latest ones, at most the bound. */
    public int remembered() {
        return ids.size();
    }

    /** Number of export files. */
    public int files() {
        return files;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Appends a row for each event whose GLOBALEVENTID is not in the export yet, and fsyncs, before it returns.
     * Each row counts the mentions of its distinct event so far, itself included ({@link MentionTally}).
     *
     * @return the number of rows written
     */
    public int append(List<Event> events) {
        List<Counted> rows = new ArrayList<>();
        Set<Long> batch = new HashSet<>();
        for (Event e : events) {
            if (e.id() == null) {
                continue;
            }
            long id = GdeltRow.globalEventId(e.id());
            if (!ids.containsKey(id) && batch.add(id)) {
                rows.add(new Counted(e, id, mentions.see(e)));
            }
        }
        return write(rows);
    }

    /** An event with its GLOBALEVENTID and the mention counts its row carries. */
    private record Counted(Event event, long id, MentionTally.Counts counts) {
    }

    /** Writes the rows, grouped by the day file each goes to, and remembers their ids once durable. */
    private int write(List<Counted> rows) {
        Instant now = clock.instant();
        Map<LocalDate, StringBuilder> byDay = new TreeMap<>();
        Map<LocalDate, List<Long>> idsByDay = new TreeMap<>();
        for (Counted c : rows) {
            LocalDate day = GdeltRow.dayAdded(c.event(), now);
            byDay.computeIfAbsent(day, d -> new StringBuilder()).append(GdeltRow.line(c.event(), now, c.counts()));
            idsByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(c.id()); // in order: the latest are kept
        }
        for (Map.Entry<LocalDate, StringBuilder> day : byDay.entrySet()) {
            write(fileOf(day.getKey()), day.getValue().toString().getBytes(StandardCharsets.UTF_8));
            // Only now are these rows durable.
            for (long id : idsByDay.get(day.getKey())) {
                remember(id);
            }
        }
        return rows.size();
    }

    private void remember(long id) {
        rows++;
        if (ids.addKey(id)) {
            forgetting = true;
            LOG.info("{}: remembering the latest {} GLOBALEVENTIDs ({}); an older event that comes again will be "
                    + "exported again", dir, ids.capacity(), MAX_IDS_SETTING);
        }
    }

    private Path fileOf(LocalDate day) {
        return out.resolve(DIR, "events-" + DAY.format(day) + ".export.CSV");
    }

    private void write(Path file, byte[] rows) {
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            AtomicFiles.writeFully(ch, rows);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedOutputException("cannot append to " + file, e);
        }
        if (created) {
            files++;
            try {
                AtomicFiles.fsyncDirectory(dir);
            } catch (IOException e) {
                throw new UncheckedOutputException("cannot sync directory " + dir, e);
            }
        }
    }

    // --- reconciliation -------------------------------------------------------------------------------------

    /** Reads the GLOBALEVENTIDs of every export file, truncating a last row a crash cut short. */
    private void load() throws IOException {
        files = 0;
        try (var list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                if (FILE.matcher(p.getFileName().toString()).matches()) {
                    files++;
                    loadFile(p);
                }
            }
        }
    }

    private void loadFile(Path file) throws IOException {
        long offset = 0;
        long lineStart = 0;
        long lastLineStart = 0;
        boolean lastValid = true;
        boolean pending = false;
        int lineNo = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            int b;
            while ((b = in.read()) >= 0) {
                offset++;
                if (b != '\n') {
                    line.write(b);
                    pending = true;
                    continue;
                }
                pending = false;
                if (!lastValid) {
                    LOG.warn("{} line {}: not a {}-column GDELT row; kept as is", file, lineNo,
                            GdeltRow.COLUMNS.size());
                }
                lineNo++;
                Long id = idOf(line.toString(StandardCharsets.UTF_8));
                line.reset();
                lastValid = id != null;
                if (lastValid) {
                    remember(id);
                }
                lastLineStart = lineStart;
                lineStart = offset;
            }
        }
        // Like events.jsonl: bytes after the last newline, and an invalid last row, are a write a crash cut short.
        long keep = pending ? lineStart : offset;
        if (!lastValid) {
            keep = lastLineStart;
        }
        if (keep < offset) {
            LOG.warn("{}: truncating {} bytes of a row cut short by a crash", file, offset - keep);
            truncate(file, keep);
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length);
            ch.force(true);
        }
    }

    /** The GLOBALEVENTID of a complete row of 61 fields, else null. */
    static Long idOf(String line) {
        int tabs = 0;
        int firstTab = -1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == GdeltRow.SEPARATOR) {
                if (firstTab < 0) {
                    firstTab = i;
                }
                tabs++;
            }
        }
        if (tabs != GdeltRow.COLUMNS.size() - 1) {
            return null;
        }
        try {
            return Long.parseLong(line.substring(0, firstTab));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Reads the event files (rotated ones oldest first, then events.jsonl) in order: counts the mentions of every
     * event, and, when {@code lacking}, writes rows for the events the export lacks, with the counts they have at
     * their place in that order. The event log has already repaired those files and reported lines that are not
     * events.
     */
    private int replay(Path eventsDir, boolean lacking) throws IOException {
        List<Path> eventFiles = eventFiles(eventsDir);
        // While every row's id is remembered, membership decides. Once some are forgotten, an event the export
        // holds may look missing; but the rows a crash left out come after the last event the export remembers.
        long skip = lacking && forgetting ? lastRemembered(eventFiles) + 1 : 0;
        long index = 0;
        int added = 0;
        List<Counted> missing = new ArrayList<>();
        Set<Long> pending = new HashSet<>();
        for (Path p : eventFiles) {
            try (BufferedReader reader = reader(p)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Event e = eventOf(line);
                    if (e == null) {
                        continue;
                    }
                    long id = GdeltRow.globalEventId(e.id());
                    boolean exported = !lacking || index++ < skip || ids.containsKey(id);
                    if (exported) {
                        mentions.see(e);
                    } else if (pending.add(id)) {
                        missing.add(new Counted(e, id, mentions.see(e)));
                        if (missing.size() >= BACKFILL_BATCH) {
                            added += write(missing);
                            missing.clear();
                            pending.clear();
                        }
                    }
                }
            }
        }
        return added + write(missing);
    }

    /** The index, among the events of the event files in order, of the last one the export remembers; -1: none. */
    private long lastRemembered(List<Path> eventFiles) throws IOException {
        long index = 0;
        long last = -1;
        for (Path p : eventFiles) {
            try (BufferedReader reader = reader(p)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Event e = eventOf(line);
                    if (e == null) {
                        continue;
                    }
                    if (ids.containsKey(GdeltRow.globalEventId(e.id()))) {
                        last = index;
                    }
                    index++;
                }
            }
        }
        return last;
    }

    private static BufferedReader reader(Path p) throws IOException {
        InputStream raw = Files.newInputStream(p);
        try {
            InputStream in = p.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Rotated event files oldest first, then events.jsonl. */
    private static List<Path> eventFiles(Path eventsDir) throws IOException {
        List<Path> eventFiles = new ArrayList<>();
        try (var list = Files.list(eventsDir)) {
            for (Path p : list.sorted().toList()) {
                if (EventLog.ROTATED.matcher(p.getFileName().toString()).matches()) {
                    eventFiles.add(p);
                }
            }
        }
        Path current = eventsDir.resolve(EventLog.CURRENT);
        if (Files.exists(current)) {
            eventFiles.add(current);
        }
        return eventFiles;
    }

    private static Event eventOf(String line) {
        try {
            Event e = Json.mapper().readValue(line, Event.class);
            return e == null || e.id() == null ? null : e;
        } catch (IOException | RuntimeException e) {
            return null; // already reported by the event log when it opened the file
        }
    }
}
