package org.parley.sink.stance;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;
import org.parley.common.Json;
import org.parley.sink.files.AtomicFiles;
import org.parley.sink.files.OutDir;
import org.parley.sink.files.UncheckedOutputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stance snapshots: the latest value per key of the dyad and country topics, and one file per day of the
 * daily topic. Loaded from disk at start so that keys whose records lie before the committed offsets are kept;
 * every changed file is replaced atomically on {@link #flush}.
 */
public final class StanceStore {
    public static final String DIR = "stance";
    public static final String DAILY_DIR = "daily";
    public static final String DYADS = "dyads.json";
    public static final String COUNTRIES = "countries.json";

    private static final Logger LOG = LoggerFactory.getLogger(StanceStore.class);
    private static final ObjectWriter PRETTY = Json.mapper().writerWithDefaultPrettyPrinter();

    /** The three kinds of snapshot, one per topic. */
    public enum Snapshot { DYADS, COUNTRIES, DAILY }

    private final OutDir out;
    private final Path stanceDir;
    private final Path dailyDir;
    private final TreeMap<String, DyadStance> dyads = new TreeMap<>();
    private final TreeMap<String, CountryStance> countries = new TreeMap<>();
    private final Map<LocalDate, TreeMap<String, DyadStance>> daily = new HashMap<>();
    private final TreeSet<LocalDate> dirtyDays = new TreeSet<>();
    private final java.util.Set<LocalDate> daysOnDisk = new java.util.HashSet<>();
    private final List<Snapshot> unreadable = new ArrayList<>();
    private boolean dyadsDirty;
    private boolean countriesDirty;

    private StanceStore(OutDir out) {
        this.out = out;
        this.stanceDir = out.directory(DIR);
        this.dailyDir = out.directory(DIR, DAILY_DIR);
    }

    /** Loads whatever snapshots exist under {@code out}. Unreadable ones are moved aside and reported. */
    public static StanceStore load(OutDir out) {
        StanceStore s = new StanceStore(out);
        AtomicFiles.deleteTemps(s.stanceDir);
        AtomicFiles.deleteTemps(s.dailyDir);
        s.read(s.stanceDir.resolve(DYADS), DyadStance.class, s.dyads, Snapshot.DYADS);
        s.read(s.stanceDir.resolve(COUNTRIES), CountryStance.class, s.countries, Snapshot.COUNTRIES);
        try (var files = Files.list(s.dailyDir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (AtomicFiles.isTemp(name) || !name.endsWith(".json")) {
                    continue;
                }
                LocalDate day;
                try {
                    day = LocalDate.parse(name.substring(0, name.length() - ".json".length()));
                } catch (DateTimeParseException e) {
                    LOG.warn("{}: not a daily stance file name (YYYY-MM-DD.json); ignored", p);
                    continue;
                }
                TreeMap<String, DyadStance> m = new TreeMap<>();
                if (s.read(p, DyadStance.class, m, Snapshot.DAILY)) {
                    s.daily.put(day, m);
                    s.daysOnDisk.add(day);
                }
            }
        } catch (IOException e) {
            throw new UncheckedOutputException("cannot list " + s.dailyDir, e);
        }
        return s;
    }

    private <T> boolean read(Path file, Class<T> type, Map<String, T> into, Snapshot kind) {
        if (!Files.exists(file)) {
            return false;
        }
        JavaType mapType = Json.mapper().getTypeFactory().constructMapType(TreeMap.class, String.class, type);
        try {
            Map<String, T> m = Json.mapper().readValue(file.toFile(), mapType);
            into.putAll(m);
            return true;
        } catch (IOException e) {
            // Files are only ever replaced atomically, so this is damage from outside. Keep the evidence and
            // rebuild the snapshot from the topic.
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            LOG.warn("{} is not valid JSON ({}); moved to {} and rebuilding it from the topic", file,
                    e.getMessage(), aside.getFileName());
            try {
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new UncheckedOutputException("cannot move unreadable " + file + " aside", moveFailed);
            }
            if (!unreadable.contains(kind)) {
                unreadable.add(kind);
            }
            return false;
        }
    }

    /** The snapshots that were unreadable on load: their topics must be read again from the beginning. */
    public List<Snapshot> unreadable() {
        return List.copyOf(unreadable);
    }

    /**
     * The snapshots with no file on disk (never written, deleted, or unreadable): their topics are read again from
     * the beginning, so that a deleted file is rebuilt rather than left missing.
     */
    public List<Snapshot> missing() {
        List<Snapshot> m = new ArrayList<>();
        if (!Files.exists(stanceDir.resolve(DYADS))) {
            m.add(Snapshot.DYADS);
        }
        if (!Files.exists(stanceDir.resolve(COUNTRIES))) {
            m.add(Snapshot.COUNTRIES);
        }
        if (daysOnDisk.isEmpty()) {
            m.add(Snapshot.DAILY);
        }
        return m;
    }

    /** Sets (or, for a null value, removes) a dyad's latest stance. */
    public void putDyad(String key, DyadStance value) {
        dyadsDirty |= value == null ? dyads.remove(key) != null : !value.equals(dyads.put(key, value));
    }

    public void putCountry(String code, CountryStance value) {
        countriesDirty |= value == null ? countries.remove(code) != null
                : !value.equals(countries.put(code, value));
    }

    public void putDaily(DailyKey key, DyadStance value) {
        TreeMap<String, DyadStance> m = daily.computeIfAbsent(key.day(), d -> new TreeMap<>());
        boolean changed = value == null ? m.remove(key.dyad()) != null : !value.equals(m.put(key.dyad(), value));
        if (changed) {
            dirtyDays.add(key.day());
        }
    }

    public SortedMap<String, DyadStance> dyads() {
        return java.util.Collections.unmodifiableSortedMap(dyads);
    }

    public SortedMap<String, CountryStance> countries() {
        return java.util.Collections.unmodifiableSortedMap(countries);
    }

    public SortedMap<String, DyadStance> day(LocalDate day) {
        return java.util.Collections.unmodifiableSortedMap(daily.getOrDefault(day, new TreeMap<>()));
    }

    /** Writes every snapshot that changed since the last flush. Returns the number of files written. */
    public int flush() {
        int written = 0;
        if (dyadsDirty) {
            write(stanceDir.resolve(DYADS), dyads);
            dyadsDirty = false;
            written++;
        }
        if (countriesDirty) {
            write(stanceDir.resolve(COUNTRIES), countries);
            countriesDirty = false;
            written++;
        }
        while (!dirtyDays.isEmpty()) {
            LocalDate day = dirtyDays.first();
            // The name is built from a parsed date and checked by OutDir: data cannot steer it out of --out.
            write(out.resolve(DIR, DAILY_DIR, DailyKey.fileName(day)), daily.get(day));
            daysOnDisk.add(day);
            dirtyDays.remove(day);
            written++;
        }
        return written;
    }

    /** Snapshot files on disk: dyads.json, countries.json and the daily files. */
    public int files() {
        return (Files.exists(stanceDir.resolve(DYADS)) ? 1 : 0) + (Files.exists(stanceDir.resolve(COUNTRIES)) ? 1 : 0)
                + daysOnDisk.size();
    }

    private static void write(Path file, Map<String, ?> content) {
        byte[] bytes;
        try {
            bytes = PRETTY.writeValueAsBytes(content);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + file.getFileName(), e);
        }
        AtomicFiles.write(file, bytes);
    }
}
