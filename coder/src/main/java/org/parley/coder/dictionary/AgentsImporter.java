package org.parley.coder.dictionary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts PETRARCH-2's generic agents dictionary ({@code Phoenix.agents.txt}) into Parley role nouns: the
 * generated {@code agents.txt} next to {@code roles.txt}, in the same {@code phrase | ROLE} format.
 *
 * <p>The PETRARCH format (petrarch2 {@code PETRreader.read_agent_dictionary}): {@code WORD_WORD {PLURAL} [~CODE]}
 * with {@code #} comments; {@code _} and blanks both separate words (Parley matches phrases contiguously, so a
 * PETRARCH gap becomes a plain space); {@code {X}} gives an irregular plural and {@code {}} none;
 * {@code !NAME! = A, B, ...} defines a substitution set whose use ({@code CONGRESS!PERSON!}) expands to one phrase
 * per member, without plurals; {@code [~CODE]} appends an agent code to the actor's, {@code [CODE~]} prepends it
 * (used for IGO); compound codes ({@code ~GOVMED}) list 3-letter codes, primary first.
 *
 * <p>Regenerate with {@code AgentsImporterTest} ({@code -Dparley.regenerate=true}) or {@link #main}.
 */
public final class AgentsImporter {

    /** PETRARCH agent code (3 letters) to Parley role; a code not here (PTY, DEV) is not a role of its own. */
    static final Map<String, String> ROLE_OF_CODE = new LinkedHashMap<>();

    static {
        for (String r : List.of("GOV", "MIL", "LEG", "JUD", "OPP", "REB", "MED", "BUS", "CVL", "COP", "EDU", "SPY",
                "REL", "IGO")) {
            ROLE_OF_CODE.put(r, r);
        }
        // religions and their denominations
        for (String r : List.of("MUS", "CHR", "JEW", "BUD", "HIN", "CTH", "PRO", "MAR")) {
            ROLE_OF_CODE.put(r, "REL");
        }
        // unaligned armed forces, criminals (Parley already codes kidnappers and pirates REB), radicals and
        // international militarised groups: armed non-state actors
        for (String r : List.of("UAF", "CRM", "RAD", "IMG")) {
            ROLE_OF_CODE.put(r, "REB");
        }
        // civilian sectors Parley does not tell apart: labour, agriculture, health, refugees, elites, NGOs,
        // environment, human rights, the general population
        for (String r : List.of("LAB", "AGR", "HLH", "REF", "ELI", "NGO", "ENV", "HRI", "PPL")) {
            ROLE_OF_CODE.put(r, "CVL");
        }
    }

    /**
     * Single words (and the plurals made from them) that are agents in PETRARCH but too common or too ambiguous as
     * Parley role nouns, where a role word next to a country makes an actor ("Russian business" would become a
     * business actor; "retired" is an adjective).
     */
    static final Set<String> GENERIC = Set.of(
            // adjectives, not nouns: "retired general", "aerospace company", "sovereign debt"
            "retired", "aerospace", "sovereign", "sovereigns",
            // nouns of an activity or a sector, not of people: "Russian business", "the oil industry"
            "business", "industry", "industries",
            // titles that mostly head another title or mean something else in news: "deputy prime minister",
            // "the boss of Shell", "actor" (a party to a conflict), "doc" (a document), "advocates" (activists)
            "deputy", "deputies", "boss", "bosses", "actor", "actors", "doc", "advocate", "advocates",
            // a state or a collective of states, not its government or people: "the Kingdom", "the international
            // community", "European Community"
            "kingdom", "kingdoms", "community", "communities",
            // airlines more often than aircraft carriers: "Russian carrier Aeroflot"
            "carrier", "carriers");

    /** Mass nouns and words with no regular plural ("medias", "polices" are no words). */
    private static final Set<String> NO_PLURAL = Set.of("media", "police", "intelligence", "personnel", "clergy",
            "infantry", "artillery", "cavalry", "press", "people", "staff", "military", "leadership", "gendarmerie",
            "gendarmery", "rabble", "mafia", "maffia", "youth", "aerospace", "governance", "soldiery");

    /** Words a phrase may not end in: PETRARCH uses them as a prefix to a following actor ("AMBASSADOR_TO"). */
    private static final Set<String> CONNECTING = Set.of("of", "for", "in", "to", "at", "on", "from", "with", "and",
            "the", "de", "by", "over");

    /**
     * One emitted phrase with its Parley role, its actor code (null, or "---" for a role noun that is an actor
     * alone), the PETRARCH code it came from and its source line.
     */
    public record Entry(String phrase, String role, String code, String petrarchCode, int line) {
    }

    /** The emitted entries and counts by kind (lines read, phrases emitted, phrases skipped by reason). */
    public record Result(List<Entry> entries, Map<String, Integer> counts, List<String> skipped) {
    }

    private AgentsImporter() {
    }

    /**
     * Converts the agents file's lines. {@code roles} are the phrases Parley's roles.txt defines, with their
     * "ROLE" or "ROLE | CODE" (they win);
     * {@code names} are the phrases of countries, organisations, people and groups (an agent phrase equal to a
     * name would shadow it).
     */
    public static Result convert(List<String> lines, Map<String, String> roles, Set<String> names) {
        Map<String, Integer> counts = newCounts();
        Map<String, List<String>> sets = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            inc(counts, "lines");
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            if (line.isEmpty() || line.startsWith("<!")) {
                inc(counts, "comment or blank lines");
                continue;
            }
            if (line.contains("!") && line.contains("=")) {
                readSet(line, sets, counts);
                continue;
            }
            inc(counts, "entries read");
            int bracket = line.indexOf('[');
            if (bracket < 0) {
                inc(counts, "entries without a code");
                continue;
            }
            String code = code(line.substring(bracket + 1));
            String role = role(code);
            List<String> phrases = expand(line.substring(0, bracket), sets, counts);
            if (phrases == null) {
                continue;
            }
            String entryRole = entryRole(role, phrases, roles, counts);
            emit(phrases, role, entryRole, code, n, roles, names, seen, counts, skipped, out);
        }
        return new Result(out, counts, skipped);
    }

    /** The counts every result has, in their order in the header, at zero. */
    private static Map<String, Integer> newCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : List.of("lines", "comment or blank lines", "substitution sets", "entries read",
                "entries without a code", "phrases from substitution sets", "irregular plurals given",
                "plurals suppressed ({})", "regular plurals made", "phrases emitted")) {
            counts.put(k, 0);
        }
        return counts;
    }

    /** Records a substitution set definition line ({@code !NAME! = A, B, ...}) in {@code sets}. */
    private static void readSet(String line, Map<String, List<String>> sets, Map<String, Integer> counts) {
        int a = line.indexOf('!');
        int b = line.indexOf('!', a + 1);
        List<String> members = new ArrayList<>();
        for (String m : line.substring(line.indexOf('=') + 1).split(",")) {
            if (!m.isBlank()) {
                members.add(m.strip());
            }
        }
        sets.put(line.substring(a + 1, b), members);
        inc(counts, "substitution sets");
    }

    /**
     * The raw phrases of an entry's head (the part before its code): one per substitution set member, or the
     * phrase and its given or regular plural; null (counted as skipped) for an undefined substitution set.
     */
    private static List<String> expand(String head, Map<String, List<String>> sets, Map<String, Integer> counts) {
        List<String> phrases = new ArrayList<>();
        if (head.contains("!")) {
            int a = head.indexOf('!');
            int b = head.indexOf('!', a + 1);
            List<String> members = b < 0 ? null : sets.get(head.substring(a + 1, b));
            if (members == null) {
                skip(counts, "undefined substitution set");
                return null;
            }
            for (String m : members) {
                phrases.add(head.substring(0, a) + m + head.substring(b + 1));
                inc(counts, "phrases from substitution sets");
            }
        } else if (head.contains("{")) {
            int close = head.indexOf('}');
            String plural = head.substring(head.indexOf('{') + 1, close < 0 ? head.length() : close).strip();
            phrases.add(head.substring(0, head.indexOf('{')));
            if (plural.isEmpty()) {
                inc(counts, "plurals suppressed ({})");
            } else {
                phrases.add(plural);
                inc(counts, "irregular plurals given");
            }
        } else {
            String p = phrase(head);
            phrases.add(p);
            String pl = plural(p);
            if (pl != null) {
                phrases.add(pl);
                inc(counts, "regular plurals made");
            }
        }
        return phrases;
    }

    /** The role an entry's phrases get: the code's, unless roles.txt gives one of its forms another. */
    private static String entryRole(String role, List<String> phrases, Map<String, String> roles,
            Map<String, Integer> counts) {
        // where roles.txt has one form of an entry ("spokesman | GOV"), its role holds for the other forms
        String entryRole = role;
        for (String raw2 : phrases) {
            String r = roles.get(phrase(raw2));
            if (r != null && entryRole != null && !r.split("\\|")[0].strip().equals(entryRole)) {
                entryRole = r.split("\\|")[0].strip();
                inc(counts, "entries taking their role from roles.txt");
                break;
            }
        }
        return entryRole;
    }

    /** Adds an entry's phrases to {@code out}, or with the reason to {@code skipped} (no role, rejected, duplicate). */
    private static void emit(List<String> phrases, String role, String entryRole, String code, int n,
            Map<String, String> roles, Set<String> names, Set<String> seen, Map<String, Integer> counts,
            List<String> skipped, List<Entry> out) {
        for (String raw2 : phrases) {
            String p = phrase(raw2);
            String why = role == null ? "code " + code + " has no Parley role" : reject(p, roles, names);
            if (why == null && !seen.add(p)) {
                why = "duplicate phrase";
            }
            if (why != null) {
                skip(counts, why);
                skipped.add(p + " [" + code + "]: " + why);
                continue;
            }
            String actorCode = unknownCountryInside(p, roles);
            if (actorCode != null) {
                inc(counts, "phrases that are actors alone (---), as the roles.txt noun inside them");
            }
            out.add(new Entry(p, entryRole, actorCode, code, n));
            inc(counts, "phrases emitted");
        }
    }

    /**
     * "---" when the phrase contains a roles.txt phrase that is an actor on its own with an unknown country
     * ("unidentified gunmen", "rebel forces", "federal police": "gunmen", "rebel", "police" are), else null;
     * without it the longer agent phrase would hide that actor.
     */
    private static String unknownCountryInside(String p, Map<String, String> roles) {
        String[] ws = p.split(" ");
        for (int i = 0; i < ws.length; i++) {
            for (int j = i + 1; j <= ws.length; j++) {
                String r = roles.get(String.join(" ", java.util.Arrays.copyOfRange(ws, i, j)));
                if (r != null && r.endsWith("| ---")) {
                    return "---";
                }
            }
        }
        return null;
    }

    /** Why a phrase is not emitted, or null. */
    private static String reject(String p, Map<String, String> roles, Set<String> names) {
        int letters = PhraseChecks.asciiLetters(p);
        if (letters < 0) {
            return "non-ASCII characters (mis-encoded in the source)";
        }
        if (letters < 3) {
            return "shorter than 3 letters";
        }
        String[] ws = p.split(" ");
        if (CONNECTING.contains(ws[ws.length - 1]) || CONNECTING.contains(ws[0]) && !ws[0].equals("the")) {
            return "begins or ends with a connecting word";
        }
        if (roles.containsKey(p)) {
            return "already in roles.txt";
        }
        if (names.contains(p)) {
            return "names a country, organisation, person or group";
        }
        for (int i = 1; i < ws.length; i++) {
            if (names.contains(String.join(" ", java.util.Arrays.copyOf(ws, i)))) {
                return "begins with a name (it would hide the name)";
            }
        }
        if (GENERIC.contains(p)) {
            return "generic word";
        }
        if (ws[0].equals("state") && ws.length > 1 && !ws[1].equals("run") && !ws[1].equals("owned")) {
            // "Washington state officials", "state governor": a federal state's, not the government's
            return "begins with \"state\" (a federal state's, except state-run/state-owned)";
        }
        return null;
    }

    /** "~GOVMED" -> "GOVMED", "IGO~" -> "IGO", "~ENV}" -> "ENV". */
    static String code(String afterBracket) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < afterBracket.length(); i++) {
            char c = afterBracket.charAt(i);
            if (c == ']' || c == '}') {
                break;
            }
            if (Character.isLetter(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** The first 3-letter part of a compound code that has a Parley role, or null. */
    static String role(String code) {
        for (int i = 0; i + 3 <= code.length(); i += 3) {
            String r = ROLE_OF_CODE.get(code.substring(i, i + 3));
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** "FOREIGN_MINISTER  " -> "foreign minister"; "X,_Y" -> "x, y". */
    static String phrase(String s) {
        return s.replace('_', ' ').replaceAll("\\s+", " ").replace(" ,", ",").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The regular plural of a phrase whose head is its last word ("dairy farmer" -> "dairy farmers",
     * "chairman" -> "chairmen", "militia" -> "militias", "deputy" -> "deputies", "boss" -> "bosses"), or null
     * where it is not obvious: a phrase with a connecting word ("minister of defense"), a last word ending in
     * "s" (already plural, or "-ics"/"-us"), "-ing" or "-ism", or one that is not all letters.
     */
    static String plural(String p) {
        String[] ws = p.split(" ");
        for (String w : ws) {
            if (CONNECTING.contains(w)) {
                return null;
            }
        }
        String last = ws[ws.length - 1];
        String stem = p.substring(0, p.length() - last.length());
        if (!last.chars().allMatch(Character::isLetter) || last.length() < 3 || NO_PLURAL.contains(last)) {
            return null;
        }
        String pl;
        if (last.endsWith("man")) {
            pl = last.substring(0, last.length() - 3) + "men";
        } else if (last.endsWith("person")) {
            pl = last.substring(0, last.length() - 6) + "people";
        } else if (last.endsWith("ss") || last.endsWith("sh") || last.endsWith("ch") || last.endsWith("x")) {
            pl = last + "es";
        } else if (last.endsWith("s") || last.endsWith("ing") || last.endsWith("ism")) {
            return null;
        } else if (last.endsWith("y") && "aeiou".indexOf(last.charAt(last.length() - 2)) < 0) {
            pl = last.substring(0, last.length() - 1) + "ies";
        } else {
            pl = last + "s";
        }
        return stem + pl;
    }

    private static void inc(Map<String, Integer> counts, String k) {
        counts.merge(k, 1, Integer::sum);
    }

    private static void skip(Map<String, Integer> counts, String why) {
        inc(counts, "skipped: " + why);
    }

    /** The phrases of a Parley roles.txt (lower-cased, without the institution mark) and their roles. */
    public static Map<String, String> rolePhrases(Path rolesTxt) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String l : Files.readAllLines(rolesTxt, StandardCharsets.UTF_8)) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\|", -1);
            String p = f[0].strip();
            if (p.endsWith("*")) {
                p = p.substring(0, p.length() - 1).strip();
            }
            String code = f.length > 2 ? f[2].strip() : "";
            out.put(p.toLowerCase(Locale.ROOT), (f.length > 1 ? f[1].strip() : "") + (code.isEmpty() ? "" : " | " + code));
        }
        return out;
    }

    /** The name fields of each Parley name dictionary (the others hold codes, types, roles and dates). */
    static final Map<String, int[]> NAME_FIELDS = Map.of("countries.txt", new int[] {1, 2, 3, 4, 5},
            "organisations.txt", new int[] {2, 3, 4}, "people.txt", new int[] {0, 1},
            "groups.txt", new int[] {0, 1}, "actors.txt", new int[] {0, 1});

    /** Every name in Parley name dictionaries (each name field's ';'-items, lower-cased). */
    public static Set<String> names(List<Path> files) throws IOException {
        Set<String> out = new HashSet<>();
        for (Path f : files) {
            int[] idx = NAME_FIELDS.get(f.getFileName().toString());
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String t = l.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] fields = t.split("\\|", -1);
                for (int i : idx) {
                    if (i >= fields.length) {
                        continue;
                    }
                    for (String item : fields[i].split(";")) {
                        if (!item.isBlank()) {
                            out.add(item.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The generated agents.txt for an agents file and the Parley resource directory beside it. */
    public static String generate(Path agentsFile, Path resourceDir, String sourceCommit) throws IOException {
        List<String> lines = Files.readAllLines(agentsFile, StandardCharsets.UTF_8);
        Map<String, String> roles = rolePhrases(resourceDir.resolve("roles.txt"));
        List<Path> named = new ArrayList<>();
        for (String f : List.of("countries.txt", "organisations.txt", "people.txt", "groups.txt", "actors.txt")) {
            if (Files.isRegularFile(resourceDir.resolve(f))) {
                named.add(resourceDir.resolve(f));
            }
        }
        return render(convert(lines, roles, names(named)), sourceCommit);
    }

    /** Renders a result as agents.txt: a header with provenance, mapping and counts, then the entries. */
    public static String render(Result r, String sourceCommit) {
        return AgentsWriter.render(r, sourceCommit);
    }

    /** {@code AgentsImporter AGENTS_FILE RESOURCE_DIR [SOURCE_COMMIT]}: writes RESOURCE_DIR/agents.txt. */
    public static void main(String[] args) throws IOException {
        Path agents = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        String commit = args.length > 2 ? args[2] : sourceCommit(agents.resolveSibling("SOURCE_COMMIT.txt"));
        Files.writeString(dir.resolve("agents.txt"), generate(agents, dir, commit), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("parley.agents.verbose")) {
            Map<String, String> roles = rolePhrases(dir.resolve("roles.txt"));
            List<Path> named = new ArrayList<>();
            for (String f : List.of("countries.txt", "organisations.txt", "people.txt", "groups.txt", "actors.txt")) {
                named.add(dir.resolve(f));
            }
            convert(Files.readAllLines(agents, StandardCharsets.UTF_8), roles, names(named)).skipped()
                    .forEach(System.out::println);
        }
    }

    /** The first word of SOURCE_COMMIT.txt, or "unknown commit". */
    public static String sourceCommit(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            return "unknown commit";
        }
        String s = Files.readString(f, StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? "unknown commit" : s.split("\\s+")[0];
    }
}
