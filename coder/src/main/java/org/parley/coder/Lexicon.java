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
    enum Kind { COUNTRY, DEMONYM, SEAT, PLACE, ORG, ORG_ADJ, PERSON, ROLE, INSTITUTION, ANAPHOR }

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
            "roles.txt", "anaphors.txt", "verbs.txt"};

    final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();
    final Map<String, CodeInfo> codebook = new HashMap<>();
    final Map<String, String> nameOfCode = new HashMap<>();
    final Map<String, ActorType> typeOfCode = new HashMap<>();
    final Map<String, Rule> rules = new java.util.LinkedHashMap<>();

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

    private void load(String kind, String where, BufferedReader r) throws IOException {
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
                    case "organisations.txt" -> orgLine(t);
                    case "people.txt" -> personLine(t);
                    case "roles.txt" -> roleLine(t);
                    case "anaphors.txt" -> anaphorLine(t);
                    case "verbs.txt" -> {
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
        add(name, Kind.COUNTRY, code, ActorType.STATE, null, name, null, null);
        for (String s : list(f[2])) {
            add(s, Kind.COUNTRY, code, ActorType.STATE, null, name, null, null);
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

    private void roleLine(String t) {
        String[] f = fields(t, 2);
        String phrase = f[0];
        boolean institution = phrase.endsWith("*");
        if (institution) {
            phrase = phrase.substring(0, phrase.length() - 1).strip();
        }
        String code = f.length > 2 && !f[2].isEmpty() ? f[2] : null;
        add(phrase, institution || code != null ? Kind.INSTITUTION : Kind.ROLE, code, null, f[1], phrase, null, null);
    }

    private void anaphorLine(String t) {
        String[] f = fields(t, 2);
        // role column holds the anaphor's class: ONE (a person or state), STATE, PAIR (two actors named before)
        add(f[0], Kind.ANAPHOR, null, null, f[1], f[0], null, null);
    }

    private void add(String surface, Kind kind, String code, ActorType type, String role, String name,
                     LocalDate from, LocalDate to) {
        List<Token> toks = Text.tokens(surface, 0, surface.length());
        if (toks.isEmpty()) {
            return;
        }
        String[] words = new String[toks.size()];
        String[] exact = new String[toks.size()];
        boolean upperAbbrev = true;
        for (int i = 0; i < words.length; i++) {
            words[i] = toks.get(i).lower();
            exact[i] = toks.get(i).text();
        }
        String letters = surface.replace(".", "").replace(" ", "");
        for (int i = 0; i < letters.length(); i++) {
            if (!Character.isUpperCase(letters.charAt(i)) && !Character.isDigit(letters.charAt(i))
                    && letters.charAt(i) != '-') {
                upperAbbrev = false;
            }
        }
        boolean caseSensitive = upperAbbrev && letters.length() <= 6;
        Phrase p = new Phrase(words, exact, caseSensitive, kind, code, type, role, name, from, to);
        List<Phrase> bucket = phrasesByFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>());
        // a user dictionary overrides an entry with the same words and kind
        bucket.removeIf(q -> q.kind() == kind && java.util.Arrays.equals(q.words(), words)
                && (kind != Kind.PERSON || java.util.Objects.equals(q.from(), from)));
        bucket.add(p);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
