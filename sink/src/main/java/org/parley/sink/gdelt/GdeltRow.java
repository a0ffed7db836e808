package org.parley.sink.gdelt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.parley.common.Actor;
import org.parley.common.Event;

/**
 * One Parley event as one row of GDELT 2.0's event table: the 61 columns in GDELT's order, tab separated.
 * docs/gdelt.md documents the mapping column by column.
 */
public final class GdeltRow {
    /** GDELT 2.0 event table columns, in file order. */
    public static final List<String> COLUMNS = List.of(
            "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
            "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
            "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
            "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
            "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
            "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
            "NumMentions", "NumSources", "NumArticles", "AvgTone",
            "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
            "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
            "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
            "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
            "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
            "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
            "DATEADDED", "SOURCEURL");

    public static final char SEPARATOR = '\t';
    private static final DateTimeFormatter SQLDATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter DATEADDED =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    /** Actor1Geo_* and Actor2Geo_*: Parley does not locate actors. */
    private static final List<String> NO_GEO = Collections.nCopies(8, "");

    private GdeltRow() {
    }

    /** The row's 61 fields, for the event as the only mention of its distinct event. */
    public static List<String> fields(Event e, Instant added) {
        return fields(e, added, MentionTally.Counts.ONE);
    }

    /**
     * The row's 61 fields.
     *
     * @param added    when the event was added, used for DATEADDED (and the dates) when the event has no
     *                 {@code ingestedAt}
     * @param mentions NumMentions, NumSources and NumArticles: the mentions of the event's distinct event so far
     */
    static List<String> fields(Event e, Instant added, MentionTally.Counts mentions) {
        Instant addedAt = e.ingestedAt() != null ? e.ingestedAt() : added;
        LocalDate date = e.date() != null ? e.date() : LocalDate.ofInstant(addedAt, ZoneOffset.UTC);
        List<String> f = new ArrayList<>(COLUMNS.size());
        f.add(Long.toString(globalEventId(e.id())));
        f.add(SQLDATE.format(date));
        f.add(String.format(Locale.ROOT, "%04d%02d", date.getYear(), date.getMonthValue()));
        f.add(Integer.toString(date.getYear()));
        f.add(fractionDate(date));
        addActor(f, e.source());
        addActor(f, e.target());
        f.add(e.sentenceIndex() == 0 ? "1" : "0");
        String cameo = clean(e.cameo());
        f.add(cameo);
        f.add(cameo.length() > 3 ? cameo.substring(0, 3) : cameo);
        f.add(e.root() != null ? clean(e.root()) : cameo.length() >= 2 ? cameo.substring(0, 2) : cameo);
        f.add(e.quadClass() >= 1 && e.quadClass() <= 4 ? Integer.toString(e.quadClass()) : "");
        f.add(number(e.goldstein()));
        // Mentions of the distinct event up to this one (MentionTally): GDELT's counts as of the row's writing.
        f.add(Integer.toString(mentions.mentions()));
        f.add(Integer.toString(mentions.sources()));
        f.add(Integer.toString(mentions.articles()));
        f.add(""); // AvgTone: Parley measures no tone; empty rather than a made-up neutral 0.
        f.addAll(NO_GEO);
        f.addAll(NO_GEO);
        f.add("");
        f.add(clean(e.location()));
        f.addAll(Collections.nCopies(6, ""));
        f.add(DATEADDED.format(addedAt));
        // The article's URL, as GDELT's; its id when the input had none, so a row still names its source.
        f.add(clean(e.articleUrl() != null && !e.articleUrl().isBlank() ? e.articleUrl() : e.articleId()));
        if (f.size() != COLUMNS.size()) {
            throw new IllegalStateException("GDELT row has " + f.size() + " fields, not " + COLUMNS.size());
        }
        return f;
    }

    /** The row as one line, newline included, for the event as the only mention of its distinct event. */
    public static String line(Event e, Instant added) {
        return line(e, added, MentionTally.Counts.ONE);
    }

    /** The row as one line, newline included. */
    static String line(Event e, Instant added, MentionTally.Counts mentions) {
        return String.join(String.valueOf(SEPARATOR), fields(e, added, mentions)) + "\n";
    }

    /** The day of DATEADDED, which names the file the row goes to. */
    public static LocalDate dayAdded(Event e, Instant added) {
        return LocalDate.ofInstant(e.ingestedAt() != null ? e.ingestedAt() : added, ZoneOffset.UTC);
    }

    /**
     * GLOBALEVENTID: the first 8 bytes of SHA-256 of the event id (UTF-8), big-endian, with the sign bit cleared.
     * Parley's event ids are stable, so this is too; GDELT readers get a non-negative 63-bit integer.
     */
    public static long globalEventId(String eventId) {
        if (eventId == null) {
            throw new IllegalArgumentException("an event without id has no GLOBALEVENTID");
        }
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        return v & Long.MAX_VALUE;
    }

    /**
     * YYYY.FFFF with FFFF = day of year / 365, as GDELT's files compute it (its codebook's "(MONTH * 30 + DAY) /
     * 365" does not match the published values, e.g. 20140407 → 2014.2658).
     */
    static String fractionDate(LocalDate date) {
        // GDELT counts every month as 30 days: ((month - 1) * 30 + day) / 365. This reproduces the values in its
        // published rows (2014-04-07 -> 2014.2658, 2015-02-18 -> 2015.1315) and never reaches the next year.
        int days = (date.getMonthValue() - 1) * 30 + date.getDayOfMonth();
        BigDecimal fraction = BigDecimal.valueOf(days).divide(DAYS_PER_YEAR, 4, RoundingMode.HALF_UP);
        return BigDecimal.valueOf(date.getYear()).add(fraction).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1-3Code. */
    private static void addActor(List<String> f, Actor a) {
        if (a == null) {
            f.addAll(Collections.nCopies(10, ""));
            return;
        }
        String code = a.isIdentified() ? clean(a.code()) : "";
        String role = clean(a.role());
        boolean country = a.type() == null ? code.matches("[A-Z]{3}") : switch (a.type()) {
            case STATE, REGION, PERSON -> true;
            case IGO, NGO, GROUP -> false;
        };
        f.add(code + role);
        f.add(clean(a.name()).toUpperCase(Locale.ROOT));
        f.add(country ? code : "");
        f.add(country ? "" : code);
        f.add("");
        f.add("");
        f.add("");
        f.add(role);
        f.add("");
        f.add("");
    }

    private static String number(double d) {
        if (!Double.isFinite(d)) {
            return "";
        }
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        return b.scale() <= 0 ? b.setScale(1).toPlainString() : b.toPlainString();
    }

    /**
     * The text with every character that could split a field or a line (tab, CR, LF and the other control
     * characters, U+2028, U+2029) replaced by a space; null becomes empty.
     */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? s : b.toString();
    }
}
