package org.parley.coder.dictionary;

import static org.parley.coder.dictionary.OrganisationsConverter.convert;
import static org.parley.coder.dictionary.OrganisationsConverter.key;
import static org.parley.coder.dictionary.OrganisationsReader.read;
import static org.parley.coder.dictionary.OrganisationsWriter.render;

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
