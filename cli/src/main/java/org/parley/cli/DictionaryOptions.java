package org.parley.cli;

import java.nio.file.Path;
import java.util.List;
import org.parley.coder.EventCoder;
import picocli.CommandLine.Option;

/** The coder's dictionaries, for {@code code}, {@code eval} and {@code process}. */
public final class DictionaryOptions {
    @Option(names = "--dictionaries", paramLabel = "DIR",
            description = "Directory of dictionary files that extend or override the shipped ones.")
    Path dictionaries;

    @Option(names = "--import-petrarch", paramLabel = "FILE", arity = "1..*",
            description = "TABARI/PETRARCH .actors files to add to the dictionaries (see docs/dictionaries.md).")
    List<Path> petrarch;

    /** The coder over the shipped dictionaries, the user directory and the imported actor files, in that order. */
    EventCoder coder() {
        if (petrarch == null || petrarch.isEmpty()) {
            return dictionaries == null ? EventCoder.withDefaultDictionaries()
                    : EventCoder.withDictionaries(dictionaries);
        }
        return EventCoder.withDictionaries(dictionaries, petrarch);
    }
}
