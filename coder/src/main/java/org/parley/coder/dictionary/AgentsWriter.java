package org.parley.coder.dictionary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Writes agents.txt: the provenance and licence header, the code-to-role mapping, the counts, the entries. */
final class AgentsWriter {
    private AgentsWriter() {
    }

    /** Renders a result as agents.txt: a header with provenance, mapping and counts, then the entries. */
    static String render(AgentsImporter.Result r, String sourceCommit) {
        StringBuilder sb = new StringBuilder();
        sb.append("# GENERATED FILE - do not edit; regenerate with AgentsImporterTest (-Dparley.regenerate=true).\n");
        sb.append("# Parley role nouns imported from PETRARCH-2's generic agents dictionary Phoenix.agents.txt\n");
        sb.append("# (openeventdata/petrarch2 ").append(sourceCommit).append(").\n");
        sb.append("# Copyright (c) 2014 Open Event Data Alliance; MIT License (see LICENSE.petrarch2.MIT.txt beside\n");
        sb.append("# the source file): permission is granted to use, copy, modify, merge, publish, distribute,\n");
        sb.append("# sublicense and/or sell copies, provided this notice is included. THE SOFTWARE IS PROVIDED\n");
        sb.append("# \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n");
        sb.append("#\n");
        sb.append("# Format as roles.txt: phrase | ROLE [| ---]. Loaded after roles.txt; a phrase roles.txt has is\n");
        sb.append("# skipped. A phrase containing a roles.txt noun that is an actor alone (\"rebel\", \"gunmen\",\n");
        sb.append("# \"police\" have code ---) is one too: \"rebel forces | REB | ---\".\n");
        sb.append("# Agent codes to roles (a compound code such as ~GOVMED takes its first code that maps):\n");
        Map<String, List<String>> byRole = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : AgentsImporter.ROLE_OF_CODE.entrySet()) {
            byRole.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        for (Map.Entry<String, List<String>> e : byRole.entrySet()) {
            sb.append("#   ").append(String.join(" ", e.getValue())).append(" -> ").append(e.getKey()).append('\n');
        }
        sb.append("#   PTY (party: government or opposition by the day) and DEV alone have no role; skipped\n");
        sb.append("# Plurals: PETRARCH's {PLURAL} or, where the last word is the head, a regular one (-s, -es,\n");
        sb.append("# -ies, -man -> -men); none for {} and substitution sets. Skipped: generic words (");
        sb.append(String.join(", ", new TreeSet<>(AgentsImporter.GENERIC))).append(")\n");
        sb.append("# Counts:\n");
        for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
            sb.append("#   ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        String last = null;
        for (AgentsImporter.Entry e : r.entries()) {
            if (!e.petrarchCode().equals(last)) {
                sb.append("# [").append(e.petrarchCode()).append("] -> ").append(e.role()).append('\n');
                last = e.petrarchCode();
            }
            sb.append(e.phrase()).append(" | ").append(e.role());
            if (e.code() != null) {
                sb.append(" | ").append(e.code());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
