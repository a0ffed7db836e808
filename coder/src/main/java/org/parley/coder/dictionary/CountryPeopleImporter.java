package org.parley.coder.dictionary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Converts the people of PETRARCH-2's {@code Phoenix.Countries.actors.txt} (heads of state and government,
 * ministers and other office holders, each with the dates of their offices) into the generated resource
 * {@code actors-petrarch.txt} (actors.txt format). The file's other entries (country names, adjectives, generic
 * institutions) are left out: Parley's own countries.txt and roles.txt cover them, and on the PETRARCH-2 and seed
 * dev sets the full import lowered root F1 (0.68 to 0.59 and 0.76 to 0.70), while the people alone did not.
 *
 * <p>Regenerate with {@code CountryPeopleImporterTest} ({@code -Dparley.regenerate=true}).
 */
public final class CountryPeopleImporter {

    public static final String FILE = "actors-petrarch.txt";
    /** The comment Phoenix.Countries.actors.txt puts on the entry line of each person. */
    static final String PERSON_MARKER = "CountryInfo";

    private CountryPeopleImporter() {
    }

    /** The content of actors-petrarch.txt, from the PETRARCH directory. */
    public static String generate(Path petrarchDir, String sourceCommit) throws IOException {
        PetrarchImporter.Result r = PetrarchImporter.read(petrarchDir.resolve("Phoenix.Countries.actors.txt"),
                PERSON_MARKER);
        List<PetrarchImporter.Actor> people = r.actors();
        int codings = people.stream().mapToInt(a -> a.codings().size()).sum();
        return "# GENERATED FILE - do not edit; regenerate with CountryPeopleImporterTest (-Dparley.regenerate=true).\n"
                + "# The people (entries marked \"# CountryInfo.txt\") of PETRARCH-2's Phoenix.Countries.actors.txt\n"
                + "# (openeventdata/petrarch2 " + sourceCommit + ").\n"
                + "# Copyright (c) 2014 Open Event Data Alliance; MIT License (see LICENSE.petrarch2.MIT.txt beside\n"
                + "# the source files): permission is granted to use, copy, modify, merge, publish, distribute,\n"
                + "# sublicense and/or sell copies, provided this notice is included. THE SOFTWARE IS PROVIDED\n"
                + "# \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n#\n"
                + "# actors.txt format: name | other names | CODE | ROLE | from | to (one line per coding; a dated\n"
                + "# coding matches only inside its dates). Loaded after Parley's own files: a phrase they have keeps\n"
                + "# its meaning.\n"
                + "# Counts: people " + people.size() + ", codings " + codings + ", unreadable lines skipped "
                + r.skippedLines() + "\n"
                + PetrarchImporter.parleyLines(people);
    }
}
