package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.parley.coder.dictionary.AgentsImporter;
import org.parley.coder.dictionary.PetrarchImporter;
import org.parley.coder.dictionary.PetrarchVerbImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley dictionary}: imports TABARI/PETRARCH dictionaries into Parley's editable formats that
 * {@code --dictionaries DIR} loads (format: docs/dictionaries.md) and reports what was imported and what was skipped
 * and why: actor files into {@code actors.txt}, the PETRARCH-2 verb dictionary ({@code CAMEO.2.0.txt}) into
 * {@code petrarch-verbs.txt}, the agents dictionary ({@code Phoenix.agents.txt}) into {@code agents.txt}.
 * {@code --shipped} counts what the coder's shipped dictionaries hold.
 */
@Command(name = "dictionary", mixinStandardHelpOptions = true,
        description = {"Import TABARI/PETRARCH dictionaries into Parley's editable formats and report what was "
                + "imported and what was skipped, and why.",
                "Actor files (FILE) -> DIR/actors.txt; --verbs CAMEO.2.0.txt -> DIR/petrarch-verbs.txt; "
                        + "--agents Phoenix.agents.txt -> DIR/agents.txt. Without --out only the counts are printed.",
                "Then: parley code --dictionaries DIR"})
public final class DictionaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "TABARI/PETRARCH .actors files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--verbs", paramLabel = "FILE",
            description = "A PETRARCH-2 CAMEO verb dictionary (e.g. CAMEO.2.0.txt): print the rules imported and "
                    + "the patterns skipped by reason; with --out, write DIR/petrarch-verbs.txt.")
    Path verbs;

    @Option(names = "--agents", paramLabel = "FILE",
            description = "A PETRARCH-2 agents dictionary (e.g. Phoenix.agents.txt): print the role phrases "
                    + "imported and skipped by reason; with --out, write DIR/agents.txt.")
    Path agents;

    @Option(names = "--shipped",
            description = "Count the rules and phrases of the coder's shipped dictionaries and say which wins "
                    + "on conflict.")
    boolean shipped;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory to write actors.txt, petrarch-verbs.txt and agents.txt into (created if "
                    + "missing; existing files of those names are replaced). Without it nothing is written.")
    Path out;

    @Override
    public Integer call() throws Exception {
        return run(new Request(files, verbs, agents, shipped, out), System.out, System.err);
    }

    /** What to do: actor files, a verb dictionary, an agents dictionary, the shipped counts; where to write. */
    record Request(List<Path> actorFiles, Path verbs, Path agents, boolean shipped, Path out) {
        Request {
            actorFiles = actorFiles == null ? List.of() : List.copyOf(actorFiles);
        }

        boolean empty() {
            return actorFiles.isEmpty() && verbs == null && agents == null && !shipped;
        }
    }

    /** Imports actor files into {@code out/actors.txt} (the command as it was before the other options). */
    static int run(List<Path> files, Path out, PrintStream info, PrintStream err) throws Exception {
        return run(new Request(files, null, null, false, out), info, err);
    }

    /**
     * Runs a request; a file that cannot be read is reported by name and the others still go in. Returns 0, 1 when a
     * file could not be read, 2 when nothing was asked.
     */
    static int run(Request q, PrintStream info, PrintStream err) throws Exception {
        if (q.empty()) {
            err.println("parley dictionary: nothing to do: give actor FILEs, --verbs FILE, --agents FILE or "
                    + "--shipped (see parley dictionary --help)");
            return 2;
        }
        boolean bad = false;
        if (!q.actorFiles().isEmpty()) {
            bad |= !actors(q.actorFiles(), q.out(), info, err);
        }
        if (q.verbs() != null) {
            bad |= !verbs(q.verbs(), q.out(), info, err);
        }
        if (q.agents() != null) {
            bad |= !agents(q.agents(), q.out(), info, err);
        }
        if (q.shipped()) {
            shipped(info);
        }
        return bad ? 1 : 0;
    }

    /** Why a file could not be read, for the message naming it. */
    private static String why(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ---------------------------------------------------------------------------------------------------------
    // actors

    private static boolean actors(List<Path> files, Path out, PrintStream info, PrintStream err) throws IOException {
        List<PetrarchImporter.Actor> actors = new ArrayList<>();
        boolean ok = true;
        for (Path f : files) {
            try {
                PetrarchImporter.Result r = PetrarchImporter.read(f);
                actors.addAll(r.actors());
                info.println(f + ": " + r.actors().size() + " actors, " + r.skippedLines() + " lines skipped");
            } catch (Exception e) {
                ok = false;
                err.println(f + ": cannot read: " + why(e));
            }
        }
        if (out != null) {
            Files.createDirectories(out);
            Path target = out.resolve("actors.txt");
            PetrarchImporter.writeParley(actors, target);
            info.println("wrote " + actors.size() + " actors to " + target);
        } else {
            info.println(actors.size() + " actors in all (not written: give --out DIR to write DIR/actors.txt)");
        }
        return ok;
    }

    // ---------------------------------------------------------------------------------------------------------
    // verbs

    private static boolean verbs(Path f, Path out, PrintStream info, PrintStream err) throws IOException {
        PetrarchVerbImporter.Result r;
        String text;
        try {
            r = PetrarchVerbImporter.read(f, PetrarchVerbImporter.codebook());
            text = out == null ? null : verbsFile(PetrarchVerbImporter.render(r,
                    PetrarchVerbImporter.source(f, f.toString())), f);
        } catch (Exception e) {
            err.println(f + ": cannot read: " + why(e));
            return false;
        }
        info.println(f + ": PETRARCH-2 verb dictionary");
        for (String s : r.summary()) {
            info.println("  " + s);
        }
        if (out != null) {
            Files.createDirectories(out);
            Path target = out.resolve("petrarch-verbs.txt");
            Files.writeString(target, text, StandardCharsets.UTF_8);
            info.println("wrote " + r.rules().size() + " rules to " + target);
        } else {
            info.println(r.rules().size() + " rules (not written: give --out DIR to write DIR/petrarch-verbs.txt)");
        }
        return true;
    }

    /**
     * The importer's generated text with its "generated, do not edit, regenerate the resource" lines replaced by
     * what a user's copy is: written by this command, editable, loaded with --dictionaries.
     */
    static String verbsFile(String generated, Path source) {
        List<String> lines = new ArrayList<>(List.of(generated.split("\n", -1)));
        int end = -1;
        for (int i = 0; i < Math.min(lines.size(), 12); i++) {
            if (lines.get(i).startsWith("# (PetrarchVerbImporterTest")) {
                end = i;
                break;
            }
        }
        if (end >= 0) {
            lines.subList(0, end + 1).clear();
        }
        List<String> head = List.of(
                "# Written by: bin/parley dictionary --verbs " + source + " --out DIR",
                "# Yours to edit. Load it with: bin/parley code --dictionaries DIR (a rule here replaces the shipped",
                "# rule with the same id in petrarch-verbs.txt; deleting a line does not remove the shipped rule: to",
                "# switch one off, keep its id with a pattern that cannot match). Parley's own verbs.txt rules win",
                "# over these where their matches overlap.");
        lines.addAll(0, head);
        return String.join("\n", lines);
    }

    // ---------------------------------------------------------------------------------------------------------
    // agents

    /** The shipped dictionaries AgentsImporter compares agent phrases with (roles win; names are not shadowed). */
    private static final List<String> AGENT_CONTEXT = List.of("roles.txt", "countries.txt", "organisations.txt",
            "people.txt", "groups.txt", "actors.txt");

    private static boolean agents(Path f, Path out, PrintStream info, PrintStream err) throws IOException {
        AgentsImporter.Result r;
        String text;
        Path tmp = Files.createTempDirectory("parley-dictionary");
        try {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (Exception e) {
                err.println(f + ": cannot read: " + why(e));
                return false;
            }
            // the importer reads Parley's dictionaries as files: copy the shipped ones out of the classpath
            List<Path> named = new ArrayList<>();
            for (String name : AGENT_CONTEXT) {
                Path p = tmp.resolve(name);
                Files.writeString(p, resource(name), StandardCharsets.UTF_8);
                if (!name.equals("roles.txt")) {
                    named.add(p);
                }
            }
            r = AgentsImporter.convert(lines, AgentsImporter.rolePhrases(tmp.resolve("roles.txt")),
                    AgentsImporter.names(named));
            String commit = AgentsImporter.sourceCommit(f.toAbsolutePath().resolveSibling("SOURCE_COMMIT.txt"));
            text = agentsFile(AgentsImporter.render(r, commit), f);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        info.println(f + ": PETRARCH-2 agents dictionary");
        int skipped = 0;
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
            if (e.getKey().startsWith("skipped: ")) {
                skipped += e.getValue();
                reasons.add("    " + e.getKey().substring("skipped: ".length()) + ": " + e.getValue());
            } else {
                info.println("  " + e.getKey() + ": " + e.getValue());
            }
        }
        info.println("  skipped: " + skipped);
        reasons.forEach(info::println);
        if (out != null) {
            Files.createDirectories(out);
            Path target = out.resolve("agents.txt");
            Files.writeString(target, text, StandardCharsets.UTF_8);
            info.println("wrote " + r.entries().size() + " role phrases to " + target);
        } else {
            info.println(r.entries().size() + " role phrases (not written: give --out DIR to write DIR/agents.txt)");
        }
        return true;
    }

    /** The importer's text with its "generated, do not edit" first line replaced by what a user's copy is. */
    static String agentsFile(String generated, Path source) {
        String text = generated.startsWith("# GENERATED")
                ? generated.substring(generated.indexOf('\n') + 1) : generated;
        return "# Written by: bin/parley dictionary --agents " + source + " --out DIR\n"
                + "# Yours to edit. Load it with: bin/parley code --dictionaries DIR (added to the shipped\n"
                + "# agents.txt; a phrase roles.txt has, shipped or yours, wins over the same phrase here).\n" + text;
    }

    // ---------------------------------------------------------------------------------------------------------
    // shipped

    /** The shipped dictionaries, what one line of each is, and where it comes from. */
    private static final List<String[]> SHIPPED = List.of(
            new String[] {"verbs.txt", "rules", "Parley's own action rules"},
            new String[] {"petrarch-verbs.txt", "rules", "imported from PETRARCH-2 CAMEO.2.0.txt"},
            new String[] {"roles.txt", "role phrases", "Parley's own"},
            new String[] {"agents.txt", "role phrases", "imported from PETRARCH-2 Phoenix.agents.txt"},
            new String[] {"countries.txt", "countries", ""},
            new String[] {"organisations.txt", "organisations", ""},
            new String[] {"people.txt", "people entries (one per office term)", ""},
            new String[] {"groups.txt", "groups", ""},
            new String[] {"actors.txt", "actors", ""},
            new String[] {"anaphors.txt", "anaphors", ""},
            new String[] {"codebook.tsv", "CAMEO codes", ""});

    private static void shipped(PrintStream info) throws IOException {
        info.println("shipped coder dictionaries (/org/parley/coder/ on the classpath; lines that are not comments):");
        for (String[] d : SHIPPED) {
            long n = count(resource(d[0]));
            info.println(String.format("  %-19s %6d %s%s", d[0], n, d[1], d[2].isEmpty() ? "" : " (" + d[2] + ")"));
        }
        info.println("on conflict:");
        info.println("  Parley's own rules (verbs.txt) win over imported ones (petrarch-verbs.txt) where their matches "
                + "overlap");
        info.println("  a roles.txt phrase wins over the same phrase in agents.txt (the agents.txt line is ignored)");
        info.println("  files in --dictionaries DIR add to these; a rule with the same id, or a phrase with the same");
        info.println("  words and kind, replaces the shipped one");
    }

    /** Lines that are neither blank nor comments. */
    static long count(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    }

    /** A shipped coder resource's text. */
    static String resource(String name) throws IOException {
        String res = "/org/parley/coder/" + name;
        try (InputStream in = PetrarchVerbImporter.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IOException("coder resource " + res + " not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
