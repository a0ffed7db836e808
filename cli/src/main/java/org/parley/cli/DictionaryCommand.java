package org.parley.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.coder.dictionary.PetrarchImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley dictionary}: converts TABARI/PETRARCH actor dictionaries into a Parley {@code actors.txt} that
 * {@code --dictionaries DIR} loads and people can edit (format: docs/dictionaries.md).
 */
@Command(name = "dictionary", mixinStandardHelpOptions = true,
        description = {"Import TABARI/PETRARCH .actors files into DIR/actors.txt (Parley's editable format).",
                "Then: parley code --dictionaries DIR"})
public final class DictionaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "TABARI/PETRARCH .actors files.")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory to write actors.txt into (created if missing; an existing actors.txt is replaced).")
    Path out;

    @Override
    public Integer call() throws Exception {
        return run(files, out, System.out, System.err);
    }

    /** Imports every file; a file that cannot be read is reported by name and the others still go in. */
    static int run(List<Path> files, Path out, PrintStream info, PrintStream err) throws Exception {
        List<PetrarchImporter.Actor> actors = new ArrayList<>();
        boolean bad = false;
        for (Path f : files) {
            try {
                PetrarchImporter.Result r = PetrarchImporter.read(f);
                actors.addAll(r.actors());
                info.println(f + ": " + r.actors().size() + " actors, " + r.skippedLines() + " lines skipped");
            } catch (Exception e) {
                bad = true;
                err.println(f + ": cannot read: " + e.getMessage());
            }
        }
        Files.createDirectories(out);
        Path target = out.resolve("actors.txt");
        PetrarchImporter.writeParley(actors, target);
        info.println("wrote " + actors.size() + " actors to " + target);
        return bad ? 1 : 0;
    }
}
