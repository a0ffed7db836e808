package org.parley.coder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.common.Actor.ActorType;

/**
 * Every dictionary the coder uses, loaded once and read-only afterwards: actor phrases (countries, demonyms,
 * seats of government, places, organisations, people, roles, anaphors), action rules and the CAMEO codebook.
 */
final class Lexicon {
    /** What a dictionary phrase stands for. */
    enum Kind { COUNTRY, DEMONYM, SEAT, PLACE, ORG, ORG_ADJ, PERSON, GROUP, ROLE, INSTITUTION, ANAPHOR }

    /** One phrase: its lower-cased words, whether it must match case-sensitively, and what it means. */
    record Phrase(String[] words, String[] exact, boolean caseSensitive, Kind kind, String code, ActorType type,
                  String role, String name, LocalDate from, LocalDate to) {
        boolean validOn(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (to == null || d.isBefore(to));
        }
    }

    /** A CAMEO code's codebook facts. */
    record CodeInfo(String code, double goldstein, String plover, String description) {
    }

    static final String[] FILES = {"codebook.tsv", "countries.txt", "organisations.txt", "people.txt",
            "groups.txt", "actors.txt", "organisations-petrarch.txt", "groups-petrarch.txt", "people-petrarch.txt",
            "actors-petrarch.txt", "roles.txt", "agents.txt", "anaphors.txt", "verbs.txt", "petrarch-verbs.txt"};

    final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();
    final Map<String, CodeInfo> codebook = new HashMap<>();
    final Map<String, String> nameOfCode = new HashMap<>();
    final Map<String, ActorType> typeOfCode = new HashMap<>();
    final Map<String, Rule> rules = new java.util.LinkedHashMap<>();
    /** Keys of loaded phrases, for overrides; only needed while loading. */
    private final java.util.Set<String> phraseKeys = new java.util.HashSet<>();
    /** Phrases roles.txt defines (shipped or user): an agents.txt entry with the same words is ignored. */
    private final java.util.Set<String> rolePhrases = new java.util.HashSet<>();

    static Lexicon fromClasspath() {
        Lexicon lex = new Lexicon();
        for (String f : FILES) {
            String res = "/org/parley/coder/" + f;
            try (InputStream in = Lexicon.class.getResourceAsStream(res)) {
                if (in == null) {
                    throw new IllegalStateException("missing coder resource " + res);
                }
                lex.load(f, res, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read coder resource " + res, e);
            }
        }
        return lex;
    }

    /** Adds (and for equal keys, overrides) entries from the same-named files in a user directory. */
    void extendFrom(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("dictionary directory not found: " + dir);
        }
        for (String f : FILES) {
            Path p = dir.resolve(f);
            if (Files.isRegularFile(p)) {
                try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    load(f, p.toString(), r);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read dictionary " + p, e);
                }
            }
        }
    }

    /** While loading a *-petrarch.txt file: a phrase already loaded (any kind) keeps its meaning. */
    private boolean imported;

    private void load(String kind, String where, BufferedReader r) throws IOException {
        imported = kind.endsWith("-petrarch.txt");
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                switch (kind) {
                    case "codebook.tsv" -> codebookLine(t);
                    case "countries.txt" -> countryLine(t);
                    case "organisations.txt", "organisations-petrarch.txt" -> orgLine(t);
                    case "people.txt", "people-petrarch.txt" -> personLine(t);
                    case "groups.txt", "groups-petrarch.txt" -> groupLine(t);
                    case "actors.txt", "actors-petrarch.txt" -> actorLine(t);
                    case "roles.txt" -> rolePhrases.add(roleLine(t));
                    case "agents.txt" -> agentLine(t);
                    case "anaphors.txt" -> anaphorLine(t);
                    case "verbs.txt", "petrarch-verbs.txt" -> {
                        Rule rule = Rule.parse(t);
                        rules.put(rule.id(), rule);
                    }
                    default -> throw new IllegalStateException(kind);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + " line " + n + ": " + e.getMessage() + ": " + line, e);
            }
        }
    }

    private static String[] fields(String line, int min) {
        String[] f = line.split("\\|", -1);
        if (f.length < min) {
            throw new IllegalArgumentException("expected at least " + min + " '|'-separated fields");
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        return f;
    }

    private static List<String> list(String field) {
        List<String> out = new ArrayList<>();
        for (String s : field.split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private void codebookLine(String t) {
        String[] f = t.split("\t");
        if (f.length < 4) {
            throw new IllegalArgumentException("expected code, goldstein, plover, description");
        }
        codebook.put(f[0], new CodeInfo(f[0], Double.parseDouble(f[1]), f[2].equals("-") ? null : f[2], f[3]));
    }

    private void countryLine(String t) {
        String[] f = fields(t, 5);
        String code = f[0];
        String name = f[1];
        nameOfCode.put(code, name);
        typeOfCode.put(code, ActorType.STATE);
        List<String> names = new ArrayList<>(list(f[2]));
        names.add(0, name);
        for (String s : names) {
            add(s, Kind.COUNTRY, code, ActorType.STATE, null, name, null, null);
            if (s.contains(" of the ")) { // "Democratic Republic of Congo" as often as "... of the Congo"
                add(s.replace(" of the ", " of "), Kind.COUNTRY, code, ActorType.STATE, null, name, null, null);
            }
        }
        for (String s : list(f[3])) {
            add(s, Kind.DEMONYM, code, ActorType.STATE, null, name, null, null);
        }
        for (String s : list(f[4])) {
            add(s, Kind.SEAT, code, ActorType.STATE, "GOV", name, null, null);
        }
        if (f.length > 5) {
            for (String s : list(f[5])) {
                add(s, Kind.PLACE, code, ActorType.STATE, null, s, null, null);
            }
        }
    }

    private void orgLine(String t) {
        String[] f = fields(t, 4);
        String code = f[0];
        ActorType type = ActorType.valueOf(f[1]);
        nameOfCode.put(code, f[2]);
        typeOfCode.put(code, type);
        add(f[2], Kind.ORG, code, type, null, f[2], null, null);
        for (String s : list(f[3])) {
            add(s, Kind.ORG, code, type, null, f[2], null, null);
        }
        if (f.length > 4) {
            for (String s : list(f[4])) {
                add(s, Kind.ORG_ADJ, code, type, null, f[2], null, null);
            }
        }
    }

    private void personLine(String t) {
        String[] f = fields(t, 6);
        String name = f[0];
        LocalDate from = f[4].isEmpty() ? null : LocalDate.parse(f[4]);
        LocalDate to = f[5].isEmpty() ? null : LocalDate.parse(f[5]);
        add(name, Kind.PERSON, f[2], null, f[3], name, from, to);
        for (String s : list(f[1])) {
            add(s, Kind.PERSON, f[2], null, f[3], name, from, to);
        }
    }

    private void actorLine(String t) {
        // name | other names | CODE | ROLE | from | to  (what the PETRARCH importer writes)
        String[] f = fields(t, 4);
        LocalDate from = f.length > 4 && !f[4].isEmpty() ? LocalDate.parse(f[4]) : null;
        LocalDate to = f.length > 5 && !f[5].isEmpty() ? LocalDate.parse(f[5]) : null;
        addActor(f[0], list(f[1]), f[2], f[3].isEmpty() ? null : f[3], from, to);
    }

    /**
     * A named actor from an imported dictionary: dated entries are people (office holders); an entry with a role
     * is an institution of its country ("Afghan National Army" -> AFG MIL); an entry with neither names its
     * country (or organisation) itself.
     */
    void addActor(String name, List<String> aliases, String code, String role, LocalDate from, LocalDate to) {
        addActor(name, aliases, List.of(new org.parley.coder.dictionary.PetrarchImporter.Coding(code, role, from, to)));
    }

    /** {@link #addActor(String, List, String, String, LocalDate, LocalDate)} for several codings of one actor. */
    void addActor(String name, List<String> aliases, List<org.parley.coder.dictionary.PetrarchImporter.Coding> codings) {
        List<Surface> surfaces = new ArrayList<>(aliases.size() + 1);
        Surface main = surface(name);
        if (main != null) {
            surfaces.add(main);
        }
        for (String a : aliases) {
            Surface sf = surface(a);
            if (sf != null) {
                surfaces.add(sf);
            }
        }
        for (org.parley.coder.dictionary.PetrarchImporter.Coding c : codings) {
            String code = c.code();
            if (code.startsWith("IGO") || code.equals("UN") || code.equals("EU") || code.equals("NATO")) {
                typeOfCode.putIfAbsent(code, ActorType.IGO);
            }
            nameOfCode.putIfAbsent(code, name);
            Kind kind = c.from() != null || c.to() != null ? Kind.PERSON
                    : c.role() != null ? Kind.INSTITUTION : Kind.COUNTRY;
            ActorType type = typeOfCode.getOrDefault(code, ActorType.STATE);
            for (Surface sf : surfaces) {
                add(sf, kind, code, type, c.role(), name, c.from(), c.to());
            }
        }
    }

    private void groupLine(String t) {
        // canonical name | other names | CODE (home country, IMG for transnational, --- unknown) | ROLE
        String[] f = fields(t, 4);
        add(f[0], Kind.GROUP, f[2], ActorType.GROUP, f[3], f[0], null, null);
        for (String s : list(f[1])) {
            add(s, Kind.GROUP, f[2], ActorType.GROUP, f[3], f[0], null, null);
        }
    }

    /** Adds a roles.txt line; returns its phrase's words, for {@link #agentLine}. */
    private String roleLine(String t) {
        String[] f = fields(t, 2);
        String phrase = f[0];
        boolean institution = phrase.endsWith("*");
        if (institution) {
            phrase = phrase.substring(0, phrase.length() - 1).strip();
        }
        String code = f.length > 2 && !f[2].isEmpty() ? f[2] : null;
        add(phrase, institution || code != null ? Kind.INSTITUTION : Kind.ROLE, code, null, f[1], phrase, null, null);
        Surface sf = surface(phrase);
        return sf == null ? "" : String.join(" ", sf.words());
    }

    /** agents.txt (role nouns imported from PETRARCH): a roles.txt line, unless roles.txt has the phrase. */
    private void agentLine(String t) {
        Surface sf = surface(fields(t, 2)[0]);
        if (sf != null && !rolePhrases.contains(String.join(" ", sf.words()))) {
            roleLine(t);
        }
    }

    private void anaphorLine(String t) {
        String[] f = fields(t, 2);
        // role column holds the anaphor's class: ONE (a person or state), STATE, HOME (a person's country), PAIR
        add(f[0], Kind.ANAPHOR, null, null, f[1], f[0], null, null);
    }

    private void add(String surface, Kind kind, String code, ActorType type, String role, String name,
                     LocalDate from, LocalDate to) {
        Surface sf = surface(surface);
        if (sf != null) {
            add(sf, kind, code, type, role, name, from, to);
        }
    }

    /** A phrase's words, tokenised once however many codings share it. */
    record Surface(String[] words, String[] exact, boolean caseSensitive) {
    }

    static Surface surface(String surface) {
        List<Token> toks = Text.tokens(surface, 0, surface.length());
        if (toks.isEmpty() || toks.size() > 12) {
            return null; // no actor name is that long; a stray line would only slow matching
        }
        String[] words = new String[toks.size()];
        String[] exact = new String[toks.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = toks.get(i).lower();
            exact[i] = toks.get(i).text();
        }
        int letters = 0;
        boolean upperAbbrev = true;
        for (int i = 0; i < surface.length() && upperAbbrev; i++) {
            char c = surface.charAt(i);
            if (c == '.' || c == ' ') {
                continue;
            }
            letters++;
            upperAbbrev = Character.isUpperCase(c) || Character.isDigit(c) || c == '-';
        }
        return new Surface(words, exact, upperAbbrev && letters <= 6);
    }

    private void add(Surface sf, Kind kind, String code, ActorType type, String role, String name,
                     LocalDate from, LocalDate to) {
        String[] words = sf.words();
        Phrase p = new Phrase(words, sf.exact(), sf.caseSensitive(), kind, code, type, role, name, from, to);
        List<Phrase> bucket = phrasesByFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>(2));
        if (imported && bucket.stream().anyMatch(q -> java.util.Arrays.equals(q.words(), words))) {
            return; // Parley's own dictionaries win over the imported PETRARCH names
        }
        // a user dictionary overrides an entry with the same words and kind; the key set keeps loading linear
        String key = kind + "|" + String.join(" ", words) + "|" + (kind == Kind.PERSON ? from : "");
        if (!phraseKeys.add(key)) {
            bucket.removeIf(q -> q.kind() == kind && java.util.Arrays.equals(q.words(), words)
                    && (kind != Kind.PERSON || java.util.Objects.equals(q.from(), from)));
        }
        bucket.add(p);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
