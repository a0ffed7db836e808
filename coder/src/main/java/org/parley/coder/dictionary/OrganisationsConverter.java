package org.parley.coder.dictionary;

import static org.parley.coder.dictionary.OrganisationsCodes.dates;
import static org.parley.coder.dictionary.OrganisationsCodes.groupRole;
import static org.parley.coder.dictionary.OrganisationsCodes.isGroupCode;
import static org.parley.coder.dictionary.OrganisationsCodes.orgOf;
import static org.parley.coder.dictionary.OrganisationsImporter.GROUPS;
import static org.parley.coder.dictionary.OrganisationsImporter.ORGS;
import static org.parley.coder.dictionary.OrganisationsImporter.PEOPLE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.coder.dictionary.OrganisationsImporter.Out;
import org.parley.coder.dictionary.OrganisationsImporter.Raw;
import org.parley.coder.dictionary.OrganisationsImporter.Result;

/** Converting read PETRARCH entries into Parley organisations, groups and people, with the names each keeps. */
final class OrganisationsConverter {

    /**
     * Single words that are PETRARCH names but ordinary English words in news text (they would turn "the
     * resistance", "the base" into a named group).
     */
    static final Set<String> GENERIC = Set.of("resistance", "base", "front", "army", "movement", "party", "union",
            "council", "commission", "assembly", "parliament", "court", "bank", "fund", "group", "organization",
            "organisation", "committee", "league", "alliance", "brigade", "brigades", "militia", "militias",
            "revolution", "vanguard", "justice", "liberation", "freedom", "unity", "mujahideen", "mujahidin",
            "jihad", "revenge", "martyrs", "commonwealth", "secretariat", "unknown", "others", "independent");

    private OrganisationsConverter() {
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
            List<String> phrases = entryPhrases(r);
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
            Coding coding = classify(r, mns, namedOrg, namedGroup, countries, orgs);
            String why = coding.why();
            Out target = coding.target();
            List<Out> offices = coding.offices();
            if (target == null && offices.isEmpty()) {
                String reason = why == null ? "no usable code" : why.startsWith("IGO code") ? "IGO code without a "
                        + "Parley organisation" : why;
                inc(counts, "entries skipped: " + reason);
                skipped.add(r.names().get(0).strip() + " [" + r.codings().get(0)[0] + "]: " + why);
                continue;
            }
            // the entry's names that may be emitted
            List<String> kept = kept(phrases, names, roles, seen, counts, skipped);
            if (kept.isEmpty()) {
                inc(counts, "entries with no name left");
                continue;
            }
            kept.forEach(p -> seen.add(key(p)));
            emit(target, offices, kept, out, counts);
        }
        return new Result(out, counts, skipped);
    }

    /** What an entry's codings make it: the organisation or group it is (undated), its offices (dated), or why not. */
    private record Coding(Out target, List<Out> offices, String why) {
    }

    /** The Parley phrases of all of an entry's names, in order, without repeats. */
    private static List<String> entryPhrases(Raw r) {
        List<String> phrases = new ArrayList<>();
        for (String n : r.names()) {
            for (String p : phrases(n)) {
                if (!phrases.contains(p)) {
                    phrases.add(p);
                }
            }
        }
        return phrases;
    }

    /** Classifies an entry's codings: what the entry is (undated) and which offices it held (dated). */
    private static Coding classify(Raw r, boolean mns, String namedOrg, String namedGroup, Set<String> countries,
                                   Map<String, String> orgs) {
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
        return new Coding(target, offices, why);
    }

    /** The entry's names that may be emitted; the others are counted and listed as skipped. */
    private static List<String> kept(List<String> phrases, Set<String> names, Set<String> roles, Set<String> seen,
                                     Map<String, Integer> counts, List<String> skipped) {
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
        return kept;
    }

    /** Adds an entry's people (one per office), or its organisation or group, with its kept names. */
    private static void emit(Out target, List<Out> offices, List<String> kept, List<Out> out,
                             Map<String, Integer> counts) {
        if (!offices.isEmpty()) {
            for (Out o : offices) {
                out.add(new Out(PEOPLE, kept.get(0), kept.subList(1, kept.size()), o.code(), o.type(), "",
                        o.from(), o.to()));
            }
            inc(counts, "people imported (" + PEOPLE + ")");
            inc(counts, "names imported", kept.size());
            return;
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
        int letters = PhraseChecks.asciiLetters(p);
        if (letters < 0) {
            return "non-ASCII characters";
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
    private static void inc(Map<String, Integer> counts, String k) {
        inc(counts, k, 1);
    }

    private static void inc(Map<String, Integer> counts, String k, int n) {
        counts.merge(k, n, Integer::sum);
    }
}
