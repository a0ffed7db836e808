package org.parley.coder.dictionary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts PETRARCH-2's organisation dictionaries ({@code Phoenix.International.actors.txt}: IGOs, NGOs, companies
 * and their officials; {@code Phoenix.MilNonState.actors.txt}: militant and armed non-state groups) into three
 * generated Parley resources, each in the format of the Parley file it extends:
 * <ul>
 *   <li>{@code organisations-petrarch.txt} (organisations.txt format): more names of organisations Parley has a
 *   code for ({@code UN}, {@code EU}, {@code NATO}, {@code AU}, ...);</li>
 *   <li>{@code groups-petrarch.txt} (groups.txt format): named armed groups with a home country or {@code IMG};</li>
 *   <li>{@code people-petrarch.txt} (people.txt format): officials of those organisations with their dates.</li>
 * </ul>
 *
 * <p>The PETRARCH format: an entry line {@code NAME_WORDS_ [CODE]} (or codes on following indented lines,
 * {@code [CODE date-range]}), {@code +ALIAS_} lines adding names to the entry above, {@code #} comments. Codes are
 * compounds: {@code IGO} + organisation ({@code IGOUNO}, {@code IGOWSTNAT}, {@code IGOUNOIAE}), {@code NGO...},
 * {@code MNC...} (companies), {@code IMG...} (international militarised groups) or a country/region + role
 * ({@code PSEREB}). No new actor codes are made: an organisation without a Parley code is skipped and counted.
 *
 * <p>Regenerate with {@code OrganisationsImporterTest} ({@code -Dparley.regenerate=true}) or {@link #main}.
 */
public final class OrganisationsImporter {

    public static final String ORGS = "organisations-petrarch.txt";
    public static final String GROUPS = "groups-petrarch.txt";
    public static final String PEOPLE = "people-petrarch.txt";

    /**
     * IGO/NGO codes to Parley organisation codes: the first key that the PETRARCH code contains after its
     * 3-letter class prefix wins, so a specialised agency ({@code IGOUNOIAE}) maps before the UN itself.
     */
    static final Map<String, String> ORG_OF_CODE = new LinkedHashMap<>();

    static {
        // specialised bodies with their own Parley code
        ORG_OF_CODE.put("IAE", "IAEA");
        ORG_OF_CODE.put("HLHWHO", "WHO");
        ORG_OF_CODE.put("REFHCR", "UNHCR");
        ORG_OF_CODE.put("WBK", "WB");
        ORG_OF_CODE.put("BUSIMF", "IMF");
        ORG_OF_CODE.put("BUSWTO", "WTO");
        ORG_OF_CODE.put("JUDICC", "ICC");
        ORG_OF_CODE.put("COPITP", "INTERPOL");
        ORG_OF_CODE.put("BUSOPC", "OPEC");
        ORG_OF_CODE.put("MEAARL", "ARL");
        ORG_OF_CODE.put("SEAASN", "ASEAN");
        ORG_OF_CODE.put("PGSGCC", "GCC");
        ORG_OF_CODE.put("WAFWAS", "ECOWAS");
        ORG_OF_CODE.put("WAFBUSWAS", "ECOWAS");
        ORG_OF_CODE.put("AFRAFU", "AU");
        ORG_OF_CODE.put("WSTNAT", "NATO");
        ORG_OF_CODE.put("EUREEC", "EU");
        // the rest of the UN system
        ORG_OF_CODE.put("UNO", "UN");
        // NGOs with a Parley code
        ORG_OF_CODE.put("HRIAMN", "AI");
        ORG_OF_CODE.put("HRIHRW", "HRW");
        ORG_OF_CODE.put("HLHMSF", "MSF");
    }

    /** Role parts of a group's code that are Parley roles as they are. */
    private static final Set<String> GROUP_ROLES = Set.of("REB", "OPP", "MIL", "GOV");
    /** Role parts that mean an armed non-state actor (as agents.txt maps them): REB. */
    private static final Set<String> ARMED = Set.of("UAF", "CRM", "RAD", "IMG");

    /**
     * Single words that are PETRARCH names but ordinary English words in news text (they would turn "the
     * resistance", "the base" into a named group).
     */
    static final Set<String> GENERIC = Set.of("resistance", "base", "front", "army", "movement", "party", "union",
            "council", "commission", "assembly", "parliament", "court", "bank", "fund", "group", "organization",
            "organisation", "committee", "league", "alliance", "brigade", "brigades", "militia", "militias",
            "revolution", "vanguard", "justice", "liberation", "freedom", "unity", "mujahideen", "mujahidin",
            "jihad", "revenge", "martyrs", "commonwealth", "secretariat", "unknown", "others", "independent");

    /** A read PETRARCH entry: its names (as written, underscores kept) and its codings with their raw ranges. */
    record Raw(List<String> names, List<String[]> codings, String file, int line) {
    }

    /** A converted actor: which file, its names, Parley code, role, dates. */
    record Out(String file, String name, List<String> aliases, String code, String type, String role,
               LocalDate from, LocalDate to) {
    }

    /** The three files' entries, counts and the skipped names with reasons. */
    public record Result(List<Out> entries, Map<String, Integer> counts, List<String> skipped) {
    }

    private OrganisationsImporter() {
    }

    /** Reads one .actors file's entries (names and raw codings); lines it cannot place are ignored. */
    static List<Raw> read(Path file, Map<String, Integer> counts) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<Raw> out = new ArrayList<>();
        Raw cur = null;
        int n = 0;
        String fname = file.getFileName().toString();
        for (String raw : lines) {
            n++;
            int h = raw.indexOf('#');
            String line = h < 0 ? raw : raw.substring(0, h);
            if (line.isBlank()) {
                continue;
            }
            String t = line.strip();
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (t.startsWith("[")) {
                if (cur != null) {
                    codes(t, cur.codings());
                }
                continue;
            }
            if (t.startsWith("+")) {
                if (cur != null) {
                    int b = t.indexOf('[');
                    cur.names().add(b < 0 ? t.substring(1) : t.substring(1, b));
                    if (b >= 0) {
                        codes(t.substring(b), cur.codings());
                    }
                }
                continue;
            }
            if (indented || t.startsWith("!") || t.startsWith("<")) {
                continue;
            }
            int b = t.indexOf('[');
            List<String> names = new ArrayList<>();
            names.add(b < 0 ? t : t.substring(0, b));
            cur = new Raw(names, new ArrayList<>(), fname, n);
            out.add(cur);
            if (b >= 0) {
                codes(t.substring(b), cur.codings());
            }
        }
        counts.merge("entries read (" + fname + ")", out.size(), Integer::sum);
        return out;
    }

    private static void codes(String t, List<String[]> into) {
        int i = t.indexOf('[');
        while (i >= 0) {
            int j = t.indexOf(']', i);
            if (j < 0) {
                return;
            }
            String inner = t.substring(i + 1, j).strip();
            String[] f = inner.split("\\s+", 2);
            if (!f[0].isEmpty()) {
                into.add(new String[] {f[0].toUpperCase(Locale.ROOT), f.length > 1 ? f[1].strip() : null});
            }
            i = t.indexOf('[', j);
        }
    }

    /** The Parley organisation of an IGO or NGO code, or null. */
    static String orgOf(String code) {
        String rest = code.length() > 3 ? code.substring(3) : "";
        for (Map.Entry<String, String> e : ORG_OF_CODE.entrySet()) {
            if (rest.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The Parley role of a group code's parts after its home ("IRQREB" -> REB, "IMGMUSALQ" -> REB). */
    static String groupRole(String code) {
        for (int i = 3; i + 3 <= code.length(); i += 3) {
            String p = code.substring(i, i + 3);
            if (GROUP_ROLES.contains(p)) {
                return p;
            }
            if (ARMED.contains(p)) {
                return "REB";
            }
        }
        return "REB";
    }

    /** Whether a code outside IGO/NGO/MNC codes a non-state group (IMG..., or a home plus REB/OPP/RAD/UAF). */
    static boolean isGroupCode(String code, boolean milNonState) {
        if (code.startsWith("IMG") || milNonState && code.length() >= 3 && !code.equals("---")) {
            return true;
        }
        for (int i = 3; i + 3 <= code.length(); i += 3) {
            String p = code.substring(i, i + 3);
            if (p.equals("REB") || p.equals("OPP") || ARMED.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Converts entries. {@code countries}: Parley country codes; {@code orgs}: Parley organisation code to
     * "TYPE|canonical name"; {@code orgNames}/{@code groupNames}: Parley phrases of organisations (to code) and
     * groups (to "name|CODE|ROLE"); {@code names}: every Parley name phrase (countries, organisations, people,
     * groups), lower-case.
     */
    static Result convert(List<Raw> entries, Set<String> countries, Map<String, String> orgs,
                          Map<String, String> orgNames, Map<String, String> groupNames, Set<String> names,
                          Set<String> roles) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<Out> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Raw r : entries) {
            boolean mns = r.file().contains("MilNonState");
            // phrases of the entry, in order, and the Parley actor one of them names (its other names join it)
            List<String> phrases = new ArrayList<>();
            for (String n : r.names()) {
                for (String p : phrases(n)) {
                    if (!phrases.contains(p)) {
                        phrases.add(p);
                    }
                }
            }
            String namedOrg = null;
            String namedGroup = null;
            for (String p : phrases) {
                String k = key(p);
                if (namedOrg == null && orgNames.containsKey(k)) {
                    namedOrg = orgNames.get(k);
                }
                if (namedGroup == null && groupNames.containsKey(k)) {
                    namedGroup = groupNames.get(k);
                }
            }
            if (r.codings().isEmpty()) {
                inc(counts, "entries skipped: no code");
                continue;
            }
            // classify the codings: what the entry is (undated) and which offices it held (dated)
            String why = null;
            Out target = null;
            List<Out> offices = new ArrayList<>();
            for (String[] c : r.codings()) {
                String code = c[0];
                String range = c[1];
                if (code.equals("---") || code.equals("ELI")) {
                    continue;
                }
                LocalDate[] dates = range == null ? null : dates(range);
                String org = namedOrg;
                if (org == null && (code.startsWith("IGO") || code.startsWith("NGO"))) {
                    org = orgOf(code);
                }
                if (org != null && (code.startsWith("IGO") || code.startsWith("NGO") || namedOrg != null)) {
                    String[] tn = orgs.get(org).split("\\|", 2);
                    if (dates != null) {
                        offices.add(new Out(PEOPLE, null, null, org, tn[0], "", dates[0], dates[1]));
                    } else if (target == null) {
                        target = new Out(ORGS, tn[1], null, org, tn[0], null, null, null);
                    }
                    continue;
                }
                if (code.startsWith("IGO")) {
                    why = why == null ? "IGO code without a Parley organisation (" + code + ")" : why;
                } else if (code.startsWith("NGO")) {
                    why = why == null ? "NGO without a Parley code" : why;
                } else if (code.startsWith("MNC")) {
                    why = why == null ? "company (MNC) without a Parley code" : why;
                } else if (namedGroup != null || isGroupCode(code, mns)) {
                    if (target == null) {
                        if (namedGroup != null) {
                            String[] g = namedGroup.split("\\|", 3);
                            target = new Out(GROUPS, g[0], null, g[1], "GROUP", g[2], null, null);
                        } else {
                            String home = code.length() >= 3 ? code.substring(0, 3) : code;
                            target = new Out(GROUPS, null, null, countries.contains(home) ? home : "IMG", "GROUP",
                                    groupRole(code), null, null);
                        }
                    }
                } else {
                    why = why == null ? "state, media or elite coding (not an organisation)" : why;
                }
            }
            if (target == null && offices.isEmpty()) {
                String reason = why == null ? "no usable code" : why.startsWith("IGO code") ? "IGO code without a "
                        + "Parley organisation" : why;
                inc(counts, "entries skipped: " + reason);
                skipped.add(r.names().get(0).strip() + " [" + r.codings().get(0)[0] + "]: " + why);
                continue;
            }
            // the entry's names that may be emitted
            List<String> kept = new ArrayList<>();
            for (String p : phrases) {
                String reject = reject(p, names, roles);
                if (reject == null && seen.contains(key(p))) {
                    reject = "duplicate of an earlier imported name";
                }
                if (reject != null) {
                    inc(counts, "names skipped: " + reject);
                    skipped.add(p + ": " + reject);
                    continue;
                }
                kept.add(p);
            }
            if (kept.isEmpty()) {
                inc(counts, "entries with no name left");
                continue;
            }
            kept.forEach(p -> seen.add(key(p)));
            if (!offices.isEmpty()) {
                for (Out o : offices) {
                    out.add(new Out(PEOPLE, kept.get(0), kept.subList(1, kept.size()), o.code(), o.type(), "",
                            o.from(), o.to()));
                }
                inc(counts, "people imported (" + PEOPLE + ")");
                inc(counts, "names imported", kept.size());
                continue;
            }
            if (target.file().equals(ORGS)) {
                out.add(new Out(ORGS, target.name(), kept, target.code(), target.type(), null, null, null));
                inc(counts, "organisation entries imported (" + ORGS + ")");
            } else {
                String name = target.name() != null ? target.name() : kept.get(0);
                List<String> aliases = target.name() != null ? kept : kept.subList(1, kept.size());
                out.add(new Out(GROUPS, name, aliases, target.code(), "GROUP", target.role(), null, null));
                inc(counts, target.name() != null ? "entries adding names to a Parley group (" + GROUPS + ")"
                        : "groups imported (" + GROUPS + ")");
            }
            inc(counts, "names imported", kept.size());
        }
        return new Result(out, counts, skipped);
    }

    /** The Parley phrases of one PETRARCH name: "ADEN_ABYAN_ARMY_(AAIA)_" -> "Aden Abyan Army", "AAIA". */
    static List<String> phrases(String raw) {
        List<String> out = new ArrayList<>();
        String s = raw.strip();
        int a = s.indexOf('(');
        int b = s.indexOf(')', a + 1);
        if (a >= 0 && b > a) {
            String inner = PetrarchImporter.words(s.substring(a + 1, b));
            String outer = PetrarchImporter.words(s.substring(0, a) + " " + s.substring(b + 1));
            if (!outer.isEmpty()) {
                out.add(outer);
            }
            if (!inner.isEmpty() && !inner.contains(" ")) {
                out.add(inner.toUpperCase(Locale.ROOT));
            }
            return out;
        }
        if (s.indexOf('(') >= 0 || s.indexOf(')') >= 0) {
            return out;
        }
        String w = PetrarchImporter.words(s);
        if (!w.isEmpty()) {
            out.add(w);
        }
        return out;
    }

    static String key(String p) {
        return p.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Why a name is not emitted, or null. */
    static String reject(String p, Set<String> names, Set<String> roles) {
        int letters = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c > 127) {
                return "non-ASCII characters";
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        if (letters < 3) {
            return "shorter than 3 letters";
        }
        String k = key(p);
        if (names.contains(k)) {
            return "a Parley name (countries, organisations, people, groups win)";
        }
        String bare = k.startsWith("the ") ? k.substring(4) : k;
        if (roles.contains(bare)) {
            return "a role noun (roles.txt, agents.txt: \"security council\" is any state's)";
        }
        if (!k.contains(" ") && GENERIC.contains(k.replaceAll("[^a-z]", ""))) {
            return "generic word";
        }
        return null;
    }

    /** yymmdd-yymmdd, >yymmdd, <yymmdd (6 or 8 digits) to [from, to); null when unreadable. */
    static LocalDate[] dates(String range) {
        try {
            if (range.startsWith(">")) {
                return new LocalDate[] {PetrarchImporter.date(range.substring(1)), null};
            }
            if (range.startsWith("<")) {
                return new LocalDate[] {null, PetrarchImporter.date(range.substring(1))};
            }
            String[] ft = range.split("-", 2);
            return new LocalDate[] {PetrarchImporter.date(ft[0]), PetrarchImporter.date(ft[1])};
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void inc(Map<String, Integer> counts, String k) {
        inc(counts, k, 1);
    }

    private static void inc(Map<String, Integer> counts, String k, int n) {
        counts.merge(k, n, Integer::sum);
    }

    /** The three generated files (name to content) for the PETRARCH directory and the Parley resource directory. */
    public static Map<String, String> generate(Path petrarchDir, Path resourceDir, String sourceCommit)
            throws IOException {
        Map<String, Integer> readCounts = new LinkedHashMap<>();
        List<Raw> entries = new ArrayList<>();
        entries.addAll(read(petrarchDir.resolve("Phoenix.International.actors.txt"), readCounts));
        entries.addAll(read(petrarchDir.resolve("Phoenix.MilNonState.actors.txt"), readCounts));
        Set<String> countries = new HashSet<>();
        for (String l : lines(resourceDir.resolve("countries.txt"))) {
            countries.add(l.split("\\|")[0].strip());
        }
        Map<String, String> orgs = new HashMap<>();
        Map<String, String> orgNames = new HashMap<>();
        for (String l : lines(resourceDir.resolve("organisations.txt"))) {
            String[] f = l.split("\\|", -1);
            String code = f[0].strip();
            orgs.put(code, f[1].strip() + "|" + f[2].strip());
            for (int i = 2; i <= 3 && i < f.length; i++) {
                for (String n : f[i].split(";")) {
                    if (!n.isBlank()) {
                        orgNames.putIfAbsent(key(n), code);
                    }
                }
            }
        }
        Map<String, String> groupNames = new HashMap<>();
        for (String l : lines(resourceDir.resolve("groups.txt"))) {
            String[] f = l.split("\\|", -1);
            String v = f[0].strip() + "|" + f[2].strip() + "|" + f[3].strip();
            groupNames.putIfAbsent(key(f[0]), v);
            for (String n : f[1].split(";")) {
                if (!n.isBlank()) {
                    groupNames.putIfAbsent(key(n), v);
                }
            }
        }
        List<Path> named = new ArrayList<>();
        for (String f : List.of("countries.txt", "organisations.txt", "people.txt", "groups.txt", "actors.txt")) {
            if (Files.isRegularFile(resourceDir.resolve(f))) {
                named.add(resourceDir.resolve(f));
            }
        }
        Result r = convert(entries, countries, orgs, orgNames, groupNames, AgentsImporter.names(named),
                roleNouns(resourceDir));
        Map<String, Integer> counts = new LinkedHashMap<>(readCounts);
        counts.putAll(r.counts());
        return render(new Result(r.entries(), counts, r.skipped()), sourceCommit);
    }

    /** The role nouns of roles.txt and agents.txt, lower-case. */
    static Set<String> roleNouns(Path resourceDir) throws IOException {
        Set<String> out = new HashSet<>(AgentsImporter.rolePhrases(resourceDir.resolve("roles.txt")).keySet());
        if (Files.isRegularFile(resourceDir.resolve("agents.txt"))) {
            out.addAll(AgentsImporter.rolePhrases(resourceDir.resolve("agents.txt")).keySet());
        }
        return out;
    }

    private static List<String> lines(Path f) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (!l.isBlank() && !l.strip().startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    /** Renders the three files, each with the shared header (provenance, mapping, counts). */
    static Map<String, String> render(Result r, String sourceCommit) {
        StringBuilder h = new StringBuilder();
        h.append("# GENERATED FILE - do not edit; regenerate with OrganisationsImporterTest (-Dparley.regenerate=true)\n");
        h.append("# or org.parley.coder.dictionary.OrganisationsImporter. Imported from PETRARCH-2's\n");
        h.append("# Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt (openeventdata/petrarch2 ");
        h.append(sourceCommit).append(").\n");
        h.append("# Copyright (c) 2014 Open Event Data Alliance; MIT License (see LICENSE.petrarch2.MIT.txt beside\n");
        h.append("# the source files): permission is granted to use, copy, modify, merge, publish, distribute,\n");
        h.append("# sublicense and/or sell copies, provided this notice is included. THE SOFTWARE IS PROVIDED\n");
        h.append("# \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n#\n");
        h.append("# Loaded after Parley's own countries, organisations, people and groups; a phrase those already\n");
        h.append("# have is skipped here and ignored when loading. Three files: organisations-petrarch.txt\n");
        h.append("# (organisations.txt format: more names of a Parley organisation), groups-petrarch.txt (groups.txt\n");
        h.append("# format), people-petrarch.txt (people.txt format: an official matches only inside the dates).\n");
        h.append("# Code mapping (no new codes: the public event contract keeps organisations.txt's codes):\n");
        h.append("#   an entry one of whose names is a Parley organisation or group joins it (its other names)\n");
        h.append("#   IGO/NGO codes containing (first match wins) ");
        for (Map.Entry<String, String> e : ORG_OF_CODE.entrySet()) {
            h.append(e.getKey()).append("->").append(e.getValue()).append(' ');
        }
        h.append("\n#   other IGO codes, other NGO codes, MNC (companies): skipped (no Parley code)\n");
        h.append("#   groups (MilNonState entries; IMG... codes; a home + REB/OPP/RAD/UAF): type GROUP, code the\n");
        h.append("#   home when its 3 letters are a countries.txt code, else IMG (regions, INT, IMG); role the first\n");
        h.append("#   of REB/OPP/MIL/GOV in the code, UAF/CRM/RAD/IMG -> REB, else REB\n");
        h.append("#   dated IGO codings ([IGOUNO 970101-061231]): people of the organisation from-to (to exclusive)\n");
        h.append("#   state, media, elite codings of International entries: skipped\n");
        h.append("# Names skipped: Parley names, role nouns of roles.txt/agents.txt (\"Security Council\"), fewer\n");
        h.append("# than 3 letters, non-ASCII, single generic words (");
        h.append(String.join(", ", new java.util.TreeSet<>(GENERIC))).append(")\n");
        h.append("# Counts:\n");
        for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
            h.append("#   ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        files.put(ORGS, new StringBuilder(h).append("#   CODE | TYPE | canonical name | other names\n"));
        files.put(GROUPS, new StringBuilder(h).append("#   canonical name | other names | CODE | ROLE\n"));
        files.put(PEOPLE, new StringBuilder(h).append("#   name | other names | CODE | ROLE | from | to\n"));
        for (Out o : r.entries()) {
            StringBuilder sb = files.get(o.file());
            switch (o.file()) {
                case ORGS -> sb.append(o.code()).append(" | ").append(o.type()).append(" | ").append(o.name())
                        .append(" | ").append(String.join("; ", o.aliases())).append('\n');
                case GROUPS -> sb.append(o.name()).append(" | ").append(String.join("; ", o.aliases()))
                        .append(" | ").append(o.code()).append(" | ").append(o.role()).append('\n');
                default -> sb.append(o.name()).append(" | ").append(String.join("; ", o.aliases())).append(" | ")
                        .append(o.code()).append(" | ").append(o.role()).append(" | ")
                        .append(o.from() == null ? "" : o.from()).append(" | ").append(o.to() == null ? "" : o.to())
                        .append('\n');
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    /** {@code OrganisationsImporter PETRARCH_DIR RESOURCE_DIR}: writes the three files into RESOURCE_DIR. */
    public static void main(String[] args) throws IOException {
        Path src = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        String commit = AgentsImporter.sourceCommit(src.resolve("SOURCE_COMMIT.txt"));
        for (Map.Entry<String, String> e : generate(src, dir, commit).entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
