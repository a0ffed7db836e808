package org.parley.coder.dictionary;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads TABARI/PETRARCH actor dictionaries ({@code .actors} files such as Phoenix.Countries.actors.txt) into
 * Parley actors, and writes them as a Parley {@code actors.txt} that {@code --dictionaries DIR} loads.
 *
 * <p>The format: an entry line {@code NAME_WORDS_ [CODE]} or {@code NAME_WORDS_ [CODE date-range] [CODE2 ...]},
 * optionally with its codes on following indented lines; {@code +ALIAS_WORDS_} lines add names to the entry
 * above; {@code #} starts a comment. Codes are PETRARCH compounds: country (or IGO...) then roles
 * ({@code AFGMIL}, {@code IGOUNO}); date ranges are {@code yymmdd-yymmdd}, {@code >yymmdd} or {@code <yymmdd},
 * with 6- or 8-digit dates. Lines the reader cannot use are counted, not fatal: real files have stray syntax.
 */
public final class PetrarchImporter {

    /** One coded name range of an entry: the Parley code and role, valid from (inclusive) to (exclusive). */
    public record Coding(String code, String role, LocalDate from, LocalDate to) {
    }

    /** One PETRARCH actor with its names (canonical first, in Parley's capitalisation) and codings. */
    public record Actor(String name, List<String> aliases, List<Coding> codings, String file, int line) {
    }

    /** What a read gave: the actors and how many lines were skipped as unreadable. */
    public record Result(List<Actor> actors, int skippedLines) {
    }

    private PetrarchImporter() {
    }

    /** Reads one .actors file. Throws only when the file cannot be read. */
    public static Result read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads the entries of one .actors file whose entry line's comment contains {@code marker} (all entries when
     * null): in Phoenix.Countries.actors.txt, "# CountryInfo.txt" marks the people (heads of state, ministers).
     */
    public static Result read(Path file, String marker) throws IOException {
        List<Actor> out = new ArrayList<>();
        boolean skipping = false;
        int skipped = 0;
        String name = null;
        int nameLine = 0;
        List<String> aliases = new ArrayList<>();
        List<Coding> codings = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String raw;
            int n = 0;
            while ((raw = r.readLine()) != null) {
                n++;
                String line = stripComment(raw);
                if (line.isBlank()) {
                    continue;
                }
                boolean indented = Character.isWhitespace(line.charAt(0));
                String t = line.strip();
                if (skipping && (t.startsWith("[") || t.startsWith("+") || indented)) {
                    continue; // a line of an entry left out by the marker
                }
                if (t.startsWith("[") && name != null) {
                    if (!codes(t, codings)) {
                        skipped++;
                    }
                    continue;
                }
                if (t.startsWith("+") && name != null) {
                    int b = t.indexOf('[');
                    String alias = words(b < 0 ? t.substring(1) : t.substring(1, b));
                    if (!alias.isEmpty()) {
                        aliases.add(alias);
                    }
                    codes(t, codings);
                    continue;
                }
                if (indented || t.startsWith("!") || t.contains("!=") || t.contains("! =")) {
                    skipped++;
                    continue;
                }
                // a new entry: flush the previous one
                if (name != null && !codings.isEmpty()) {
                    out.add(new Actor(name, List.copyOf(aliases), List.copyOf(codings), file.toString(), nameLine));
                }
                skipping = marker != null && !raw.contains(marker);
                if (skipping) {
                    name = null;
                    continue;
                }
                int bracket = t.indexOf('[');
                name = words(bracket < 0 ? t : t.substring(0, bracket));
                nameLine = n;
                aliases = new ArrayList<>();
                codings = new ArrayList<>();
                if (name.isEmpty()) {
                    name = null;
                    skipped++;
                    continue;
                }
                if (bracket >= 0 && !codes(t.substring(bracket), codings)) {
                    skipped++;
                }
            }
        }
        if (name != null && !codings.isEmpty()) {
            out.add(new Actor(name, List.copyOf(aliases), List.copyOf(codings), file.toString(), nameLine));
        }
        return new Result(out, skipped);
    }

    /**
     * Writes actors as Parley {@code actors.txt} lines: {@code name | other names | CODE | ROLE | from | to}, one
     * line per coding.
     */
    public static void writeParley(List<Actor> actors, Path out) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# Imported from TABARI/PETRARCH actor dictionaries by parley. Format: see docs/dictionaries.md\n");
            w.write("#   name | other names | CODE | ROLE | from YYYY-MM-DD | to YYYY-MM-DD\n");
            w.write(parleyLines(actors));
        }
    }

    /** The actors as actors.txt lines, one per coding, each ending in a newline. */
    public static String parleyLines(List<Actor> actors) {
        StringBuilder sb = new StringBuilder();
        for (Actor a : actors) {
            for (Coding c : a.codings()) {
                sb.append(a.name()).append(" | ").append(String.join("; ", a.aliases())).append(" | ")
                        .append(c.code()).append(" | ").append(c.role() == null ? "" : c.role()).append(" | ")
                        .append(c.from() == null ? "" : c.from()).append(" | ").append(c.to() == null ? "" : c.to())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String stripComment(String s) {
        int h = s.indexOf('#');
        return h < 0 ? s : s.substring(0, h);
    }

    /** "AFGHAN_NATIONAL_ARMY_" -> "Afghan National Army"; a short all-letter single word ("ANSF") stays upper. */
    static String words(String s) {
        List<String> ws = new ArrayList<>(4);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < n && !isSeparator(s.charAt(j))) {
                j++;
            }
            if (j > i) {
                ws.add(s.substring(i, j));
            }
            i = j;
        }
        if (ws.size() == 1 && ws.get(0).length() <= 4) {
            return ws.get(0).toUpperCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (String w : ws) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(titleCase(w));
        }
        return sb.toString();
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '+' || Character.isWhitespace(c);
    }

    private static String titleCase(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        boolean start = true;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == '-' || c == '.' || c == '\'';
        }
        return sb.toString();
    }

    /** Parses every "[CODE range]" in t into codings; false when a bracket held nothing usable. */
    private static boolean codes(String t, List<Coding> into) {
        boolean ok = true;
        int i = t.indexOf('[');
        while (i >= 0) {
            int j = t.indexOf(']', i);
            if (j < 0) {
                return false;
            }
            String inner = t.substring(i + 1, j).strip();
            int sp = inner.indexOf(' ') >= 0 ? inner.indexOf(' ') : inner.indexOf('\t');
            String[] f = sp < 0 ? new String[] {inner} : new String[] {inner.substring(0, sp), inner.substring(sp).strip()};
            i = t.indexOf('[', j);
            if (f.length == 0 || f[0].isEmpty() || f[0].startsWith("~")) {
                ok = false;
                continue;
            }
            Coding c = coding(f[0], f.length > 1 ? f[1] : null);
            if (c == null) {
                ok = false;
            } else {
                into.add(c);
            }
        }
        return ok;
    }

    static Coding coding(String petrarchCode, String range) {
        String c = petrarchCode.toUpperCase(Locale.ROOT);
        if (c.length() < 3 || c.equals("ELI") && range == null) {
            return null;
        }
        String code;
        String rest;
        if (c.startsWith("IGO")) {
            String org = c.length() >= 6 ? c.substring(3, 6) : c.substring(3);
            code = switch (org) {
                case "UNO" -> "UN";
                case "EUR", "EEC" -> "EU";
                case "NAT" -> "NATO";
                default -> "IGO" + org;
            };
            rest = c.length() > 6 ? c.substring(6) : "";
        } else {
            code = c.substring(0, 3);
            rest = c.substring(3);
        }
        String role = rest.length() >= 3 ? rest.substring(0, 3) : null;
        LocalDate from = null;
        LocalDate to = null;
        if (range != null) {
            try {
                if (range.startsWith(">")) {
                    from = date(range.substring(1));
                } else if (range.startsWith("<")) {
                    to = date(range.substring(1));
                } else if (range.contains("-")) {
                    String[] ft = range.split("-", 2);
                    from = date(ft[0]);
                    to = date(ft[1]);
                }
            } catch (RuntimeException e) {
                return null;
            }
        }
        return new Coding(code, role, from, to);
    }

    /** yymmdd (years above 30 are 19xx) or yyyymmdd. */
    static LocalDate date(String s) {
        String d = s.strip();
        if (d.length() == 6) {
            int yy = Integer.parseInt(d.substring(0, 2));
            d = (yy > 30 ? "19" : "20") + d;
        }
        if (d.length() != 8) {
            throw new IllegalArgumentException("bad date " + s);
        }
        return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                Integer.parseInt(d.substring(6, 8)));
    }
}
