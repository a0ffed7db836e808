package org.parley.coder.dictionary;

import static org.parley.coder.dictionary.OrganisationsCodes.ORG_OF_CODE;
import static org.parley.coder.dictionary.OrganisationsConverter.GENERIC;
import static org.parley.coder.dictionary.OrganisationsImporter.GROUPS;
import static org.parley.coder.dictionary.OrganisationsImporter.ORGS;
import static org.parley.coder.dictionary.OrganisationsImporter.PEOPLE;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.coder.dictionary.OrganisationsImporter.Out;
import org.parley.coder.dictionary.OrganisationsImporter.Result;

/** Writing {@link OrganisationsImporter}'s three generated files with their shared header. */
final class OrganisationsWriter {

    private OrganisationsWriter() {
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
}
