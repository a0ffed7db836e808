package org.parley.coder.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a PETRARCH-2 CAMEO verb dictionary (CAMEO.2.0.txt) into Parley action rules (the verbs.txt language: {@code id
 * | code | pattern | flags}), and writes them as a generated resource.
 *
 * <p>The input: synonym sets ({@code &NAME} then {@code +MEMBER} lines), then verb blocks. A block starts with
 * {@code ---  NAME  [code]  ---} (the block's default code; {@code ---} means no event), lists its verbs
 * ({@code VERB {IRREGULAR FORMS} [own code]}, multi-word verbs as {@code +WORD_WORD}) and its patterns
 * ({@code - before * after [code] # comment}). What maps to what:
 * <ul>
 * <li>each verb whose code is not {@code ---} gives a verb-alone rule {@code petr.FAMILY.VERB}: the base form and the
 * listed irregular forms as alternatives (the coder also matches lemmas, so regular forms need not be listed);
 * a multi-word verb gives consecutive words, its listed inflections as alternatives of the word that varies;</li>
 * <li>each pattern gives rules {@code petr.FAMILY.N}: the trigger is all single-word verbs of the block as
 * alternatives (plus one line per multi-word verb), followed by the words after {@code *} separated by
 * {@code ...} gaps; words inside {@code {...}} or joined by {@code _} are consecutive; a prepositional phrase
 * {@code (FROM DETENTION)} is {@code from ... detention} (determiners and adjectives may come between);
 * {@code a/b} stays an alternative; {@code &SYNSET} becomes its single-word members as alternatives, and each
 * multi-word member its own line;</li>
 * <li>{@code $} before {@code *} and {@code +} at the end are dropped (the coder finds the source before the trigger
 * and the target after it); any other marker position, {@code %}, {@code ^}, words before the verb and
 * reverse-direction codes {@code [:Y]} skip the pattern, counted by reason;</li>
 * <li>a code pair {@code [X:Y]} gives X; {@code [---]} gives the blocking code {@code ---}; codes missing from the
 * codebook skip the rule; an exact duplicate (same code and pattern) is dropped, and a later rule with the same
 * pattern but another code is skipped (the first one wins, as in PETRARCH's pattern order).</li>
 * </ul>
 */
public final class PetrarchVerbImporter {

    /** Above this many lines for one pattern (products of multi-word synset members), the pattern is skipped. */
    static final int MAX_LINES_PER_PATTERN = 12;

    /** One generated rule, with the comment lines to print above it (empty when none). */
    public record VerbRule(String id, String code, String pattern, List<String> comments) {
        /** The rule line in Parley's verbs.txt language. */
        public String line() {
            return id + " | " + code + " | " + pattern + " |";
        }
    }

    /**
     * What an import gave: the rules in file order and counts. {@code patternRules} includes
     * {@code blockingRules} and {@code multiWordVerbPatternRules}; {@code skipped} is by reason ("verb: ..." and
     * "pattern: ...").
     */
    public record Result(List<VerbRule> rules, int synsets, int blocks, int verbs, int patterns, int verbRules,
                         int patternRules, int patternsImported, int blockingRules, int multiWordSynsetRules,
                         int synsetMembersLeftOut, int multiWordVerbPatternsNotApplied, int restrictedToCommentVerb, int pairCodes, int duplicates, int transformationsIgnored,
                         Map<String, Integer> skipped) {
        public int skippedTotal() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The counts as comment-free "name: value" lines, in a fixed order. */
        public List<String> summary() {
            List<String> out = new ArrayList<>();
            out.add("synonym sets: " + synsets);
            out.add("verb blocks: " + blocks);
            out.add("verbs: " + verbs);
            out.add("patterns: " + patterns);
            out.add("verb-alone rules: " + verbRules);
            out.add("pattern rules: " + patternRules + " (from " + patternsImported + " patterns; " + blockingRules
                    + " blocking ---; " + multiWordSynsetRules + " extra lines for multi-word synset members)");
            out.add("patterns whose multi-word synset members were left out (over " + MAX_LINES_PER_PATTERN
                    + " lines): " + synsetMembersLeftOut);
            out.add("multi-word verb x pattern combinations not emitted (only single-word verbs trigger patterns): "
                    + multiWordVerbPatternsNotApplied);
            out.add("patterns triggered only by the verb their comment names: " + restrictedToCommentVerb);
            out.add("code pairs [X:Y] coded as X: " + pairCodes);
            out.add("exact duplicates dropped: " + duplicates);
            out.add("transformation lines not imported: " + transformationsIgnored);
            out.add("skipped: " + skippedTotal());
            for (Map.Entry<String, Integer> e : skipped.entrySet()) {
                out.add("  " + e.getKey() + ": " + e.getValue());
            }
            return out;
        }
    }

    private PetrarchVerbImporter() {
    }

    /** Reads a verb dictionary file; codes are checked against {@code codebook}. */
    public static Result read(Path file, Set<String> codebook) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1), codebook);
    }

    /** The numeric codes of Parley's codebook resource (org/parley/coder/codebook.tsv). */
    public static Set<String> codebook() throws IOException {
        Set<String> codes = new HashSet<>();
        try (InputStream in = PetrarchVerbImporter.class.getResourceAsStream("/org/parley/coder/codebook.tsv")) {
            if (in == null) {
                throw new IOException("codebook.tsv not on the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    codes.add(line.split("\t", 2)[0].strip());
                }
            }
        }
        return codes;
    }

    // ---------------------------------------------------------------------------------------------------------
    // reading

    /** One verb of a block: its words (one alternative list per position) and its own code (null: the block's). */
    private record Verb(String name, List<List<String>> positions, String code) {
        boolean multiWord() {
            return positions.size() > 1;
        }
    }

    private record Block(String name, String code, List<Verb> verbs, List<String> patterns) {
    }

    /** Parses the lines of a verb dictionary. */
    public static Result parse(List<String> lines, Set<String> codebook) {
        Map<String, List<String>> synsets = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        String synset = null;
        Block block = null;
        int transformations = 0;
        boolean inTransformations = false;
        for (String raw : lines) {
            String t = raw.strip();
            if (t.startsWith("#") && t.toUpperCase(Locale.ROOT).contains("TRANSFORMATIONS")) {
                inTransformations = true;
                continue;
            }
            if (inTransformations) {
                if (t.startsWith("~")) {
                    transformations++;
                }
                continue;
            }
            String line = stripComment(t);
            if (line.isEmpty()) {
                if (t.isEmpty()) {
                    synset = null;
                }
                continue;
            }
            if (line.startsWith("---")) {
                synset = null;
                String inner = line.replaceAll("^-+|-+$", "").strip();
                int b = inner.indexOf('[');
                String name = (b < 0 ? inner : inner.substring(0, b)).strip();
                String code = b < 0 ? "---" : bracket(inner.substring(b));
                block = new Block(name, code, new ArrayList<>(), new ArrayList<>());
                blocks.add(block);
                continue;
            }
            if (line.startsWith("&") && !line.contains(" ")) {
                synset = line.substring(1);
                synsets.put(synset, new ArrayList<>());
                continue;
            }
            if (synset != null && line.startsWith("+")) {
                synsets.get(synset).add(line.substring(1).strip());
                continue;
            }
            if (block == null) {
                continue;
            }
            if (line.startsWith("-")) {
                block.patterns.add(t);
            } else {
                Verb v = verb(line);
                if (v != null) {
                    block.verbs.add(v);
                }
            }
        }
        return new Builder(synsets, codebook).build(blocks, transformations);
    }

    /** "FREE {FREES FREEING FREED } [084]" or "+SET_FREE {+SETS_FREE}" -> a Verb; null when no name. */
    static Verb verb(String line) {
        String s = line.strip();
        String code = null;
        int b = s.indexOf('[');
        if (b >= 0) {
            code = bracket(s.substring(b));
            s = s.substring(0, b).strip();
        }
        List<String> forms = new ArrayList<>();
        int c = s.indexOf('{');
        String name = (c < 0 ? s : s.substring(0, c)).strip();
        if (c >= 0) {
            int e = s.indexOf('}', c);
            String inner = s.substring(c + 1, e < 0 ? s.length() : e);
            for (String f : inner.split("[\\s,]+")) {
                if (!f.isBlank()) {
                    forms.add(f);
                }
            }
        }
        List<String> base = words(name);
        if (base.isEmpty()) {
            return null;
        }
        List<List<String>> positions = new ArrayList<>();
        for (String w : base) {
            positions.add(new ArrayList<>(List.of(w)));
        }
        for (String f : forms) {
            List<String> fw = words(f);
            if (fw.size() != base.size()) {
                continue; // a form of another length cannot be an alternative per position
            }
            for (int i = 0; i < fw.size(); i++) {
                if (!positions.get(i).contains(fw.get(i))) {
                    positions.get(i).add(fw.get(i));
                }
            }
        }
        return new Verb(String.join("_", base), positions, code);
    }

    /** "+SET_FREE_" -> [set, free]: lower case, split on "_" and spaces, leading "+" dropped. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.replace('+', ' ').split("[_\\s]+")) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The text inside the first [...]: "[084]" -> "084". */
    private static String bracket(String s) {
        int b = s.indexOf('[');
        int e = s.indexOf(']', b + 1);
        return (e < 0 ? s.substring(b + 1) : s.substring(b + 1, e)).strip();
    }

    private static String stripComment(String s) {
        int h = s.indexOf('#');
        int sc = s.indexOf(';');
        int cut = h < 0 ? sc : sc < 0 ? h : Math.min(h, sc);
        return (cut < 0 ? s : s.substring(0, cut)).strip();
    }

    // ---------------------------------------------------------------------------------------------------------
    // mapping

    /** Thrown inside the mapping of one pattern: the pattern is skipped for this reason. */
    private static final class Skip extends Exception {
        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A pattern position after the verb: one or more variants (each consecutive word positions). */
    private record Slot(List<List<List<String>>> variants, boolean adjacent) {
    }

    private static final class Builder {
        final Map<String, List<String>> synsets;
        final Set<String> codebook;
        final List<VerbRule> rules = new ArrayList<>();
        final Map<String, String> codeByPattern = new LinkedHashMap<>();
        final Set<String> ids = new HashSet<>();
        final Map<String, Integer> skipped = new TreeMap<>();
        int verbs;
        int patterns;
        int verbRules;
        int patternRules;
        int patternsImported;
        int blocking;
        int multiWordVerbPatternsNotApplied;
        int synsetMembersLeftOut;
        int multiWordSynsetLines;
        int restrictedToCommentVerb;
        int pairs;
        int duplicates;

        Builder(Map<String, List<String>> synsets, Set<String> codebook) {
            this.synsets = synsets;
            this.codebook = codebook;
        }

        void skip(String reason) {
            skipped.merge(reason, 1, Integer::sum);
        }

        Result build(List<Block> blocks, int transformations) {
            for (Block b : blocks) {
                block(b);
            }
            return new Result(List.copyOf(rules), synsets.size(), blocks.size(), verbs, patterns, verbRules,
                    patternRules, patternsImported, blocking, multiWordSynsetLines, synsetMembersLeftOut,
                    multiWordVerbPatternsNotApplied, restrictedToCommentVerb, pairs,
                    duplicates, transformations, new TreeMap<>(skipped));
        }

        void block(Block b) {
            String family = idPart(b.name());
            List<String> header = new ArrayList<>();
            header.add("--- " + b.name() + " [" + b.code() + "] ---");
            for (Verb v : b.verbs()) {
                verbs++;
                String raw = v.code() == null ? b.code() : v.code();
                String code;
                try {
                    code = code(raw);
                } catch (Skip s) {
                    skip("verb: " + s.getMessage());
                    continue;
                }
                if (code.equals("---")) {
                    skip("verb: code --- (no event for the verb alone)");
                    continue;
                }
                if (!codebook.contains(code)) {
                    skip("verb: code not in the codebook");
                    continue;
                }
                String pattern = join(v.positions());
                if (add("petr." + family + "." + idPart(v.name()), code, pattern, header, "verb: ")) {
                    verbRules++;
                    header = new ArrayList<>();
                }
            }
            // the trigger of pattern rules: all single-word verbs with their forms
            List<String> trigger = new ArrayList<>();
            List<Verb> multi = new ArrayList<>();
            for (Verb v : b.verbs()) {
                if (v.multiWord()) {
                    multi.add(v);
                } else {
                    for (String w : v.positions().get(0)) {
                        if (!trigger.contains(w)) {
                            trigger.add(w);
                        }
                    }
                }
            }
            int n = 0;
            for (String p : b.patterns()) {
                patterns++;
                List<List<List<String>>> lines;
                String code;
                try {
                    String body = stripComment(p);
                    int br = body.indexOf('[');
                    if (br < 0) {
                        throw new Skip("no code");
                    }
                    code = code(bracket(body.substring(br)));
                    if (!code.equals("---") && !codebook.contains(code)) {
                        throw new Skip("code not in the codebook");
                    }
                    lines = after(body.substring(body.indexOf('-') + 1, br));
                } catch (Skip s) {
                    skip("pattern: " + s.getMessage());
                    continue;
                }
                if (trigger.isEmpty()) {
                    skip("pattern: block has only multi-word verbs");
                    continue;
                }
                List<String> comments = new ArrayList<>(header);
                comments.add(b.name() + ": " + p.replaceAll("\\s+", " "));
                List<String> own = commentVerbs(p, b);
                if (!own.isEmpty()) {
                    restrictedToCommentVerb++;
                }
                boolean any = false;
                for (List<List<String>> rest : lines) {
                    String pattern = String.join("/", own.isEmpty() ? trigger : own) + " ... " + join(rest);
                    String id = "petr." + family + "." + (n + 1);
                    if (add(id, code, pattern, comments, "pattern line: ")) {
                        n++;
                        any = true;
                        comments = new ArrayList<>();
                        header = new ArrayList<>();
                        patternRules++;
                        if (code.equals("---")) {
                            blocking++;
                        }
                        if (rest != lines.get(0)) {
                            multiWordSynsetLines++;
                        }
                    }
                }
                if (any) {
                    patternsImported++;
                    multiWordVerbPatternsNotApplied += multi.size();
                }
            }
        }

        /**
         * The forms of the block's verbs that the pattern's comment names ("- * PART [030] # TAKE"): the verb the
         * pattern was written for. PETRARCH applies a pattern to every verb of its block, which turns "take part"
         * into "seize part"; the named verb alone keeps the pattern's sense. Empty when the comment names none.
         */
        private static List<String> commentVerbs(String line, Block b) {
            int hash = line.indexOf('#');
            if (hash < 0) {
                return List.of();
            }
            List<String> named = new ArrayList<>();
            for (String w : line.substring(hash + 1).split("[^A-Za-z_-]+")) {
                named.add(w.toLowerCase(Locale.ROOT));
            }
            List<String> forms = new ArrayList<>();
            for (Verb v : b.verbs()) {
                if (!v.multiWord() && named.contains(v.name())) {
                    for (String w : v.positions().get(0)) {
                        if (!forms.contains(w)) {
                            forms.add(w);
                        }
                    }
                }
            }
            return forms;
        }

        /** Adds a rule unless it duplicates one; false when not added. */
        boolean add(String id, String code, String pattern, List<String> comments, String kind) {
            String prev = codeByPattern.get(pattern);
            if (prev != null) {
                if (prev.equals(code)) {
                    duplicates++;
                } else {
                    skip(kind + "same pattern as an earlier rule, other code (first kept)");
                }
                return false;
            }
            String unique = id;
            for (int i = 2; ids.contains(unique); i++) {
                unique = id + "_" + i;
            }
            ids.add(unique);
            codeByPattern.put(pattern, code);
            rules.add(new VerbRule(unique, code, pattern, List.copyOf(comments)));
            return true;
        }

        /** A PETRARCH code to a Parley code: "---", "0841", "042:043" -> "042"; ":173" is a Skip. */
        String code(String raw) throws Skip {
            String c = raw.strip();
            if (c.equals("---")) {
                return c;
            }
            int colon = c.indexOf(':');
            if (colon >= 0) {
                if (colon == 0) {
                    throw new Skip("reverse-direction code [:Y]");
                }
                pairs++;
                c = c.substring(0, colon).strip();
                if (c.equals("---")) {
                    return c;
                }
            }
            if (!c.matches("\\d{3,4}")) {
                throw new Skip("unreadable code");
            }
            return c;
        }

        /**
         * The part of a pattern between "-" and "[": checks what stands before "*", maps what follows into the
         * possible word sequences (each a list of positions, a position a list of alternatives).
         */
        List<List<List<String>>> after(String body) throws Skip {
            List<String> toks = tokens(body);
            int star = toks.indexOf("*");
            if (star < 0) {
                throw new Skip("no verb marker *");
            }
            for (String t : toks.subList(0, star)) {
                switch (t) {
                    case "$" -> { } // the source stands before the verb: what the coder assumes
                    case "+" -> throw new Skip("target marker + before the verb");
                    case "%" -> throw new Skip("compound actor marker %");
                    case "^" -> throw new Skip("skip marker ^");
                    default -> throw new Skip("words before the verb");
                }
            }
            List<String> rest = new ArrayList<>(toks.subList(star + 1, toks.size()));
            // a target marker is fine when only closing brackets follow it
            int plus = rest.indexOf("+");
            if (plus >= 0) {
                for (String t : rest.subList(plus + 1, rest.size())) {
                    if (!t.equals(")") && !t.equals("}")) {
                        throw new Skip("words after the target marker +");
                    }
                }
                rest.remove(plus);
            }
            List<Slot> slots = new ArrayList<>();
            boolean inBraces = false;
            boolean firstInBraces = false;
            for (String t : rest) {
                switch (t) {
                    case "(", ")" -> {
                        continue;
                    }
                    case "{" -> {
                        inBraces = true;
                        firstInBraces = true;
                        continue;
                    }
                    case "}" -> {
                        inBraces = false;
                        continue;
                    }
                    case "$" -> throw new Skip("source marker $ after the verb");
                    case "%" -> throw new Skip("compound actor marker %");
                    case "^" -> throw new Skip("skip marker ^");
                    case "*" -> throw new Skip("second verb marker *");
                    default -> {
                    }
                }
                boolean adjacent = inBraces && !firstInBraces;
                firstInBraces = false;
                slots.add(new Slot(variants(t), adjacent));
            }
            if (slots.isEmpty()) {
                throw new Skip("no words after the verb (the verb-alone rule covers it)");
            }
            long product = 1;
            for (Slot s : slots) {
                product *= s.variants().size();
            }
            if (product > MAX_LINES_PER_PATTERN) {
                // too many lines: keep only the single-word members (the first variant) of each synset
                List<Slot> reduced = new ArrayList<>();
                product = 1;
                for (Slot s : slots) {
                    Slot r = s.variants().size() > 1 && s.variants().get(0).size() == 1
                            ? new Slot(List.of(s.variants().get(0)), s.adjacent()) : s;
                    product *= r.variants().size();
                    reduced.add(r);
                }
                if (product > MAX_LINES_PER_PATTERN) {
                    throw new Skip("more than " + MAX_LINES_PER_PATTERN + " lines from multi-word synset members");
                }
                slots = reduced;
                synsetMembersLeftOut++;
            }
            // expand the product of slot variants
            List<List<List<String>>> out = new ArrayList<>();
            out.add(new ArrayList<>());
            for (Slot s : slots) {
                List<List<List<String>>> next = new ArrayList<>();
                for (List<List<String>> prefix : out) {
                    for (List<List<String>> v : s.variants()) {
                        List<List<String>> seq = new ArrayList<>(prefix);
                        if (!seq.isEmpty() && !s.adjacent()) {
                            seq.add(GAP);
                        }
                        seq.addAll(v);
                        next.add(seq);
                    }
                }
                out = next;
            }
            return out;
        }

        /** One pattern token to its variants: a word, "a/b" alternatives, "A_B" consecutive words, or a synset. */
        List<List<List<String>>> variants(String t) throws Skip {
            List<List<List<String>>> out = new ArrayList<>();
            if (t.startsWith("&")) {
                List<String> members = synsets.get(t.substring(1));
                if (members == null) {
                    throw new Skip("undefined synset");
                }
                List<String> single = new ArrayList<>();
                for (String m : members) {
                    if (m.contains("/") || m.contains("|") || m.contains("*")) {
                        continue; // not expressible as a pattern word ("F/A-18")
                    }
                    List<String> ws = words(m);
                    if (ws.size() == 1) {
                        for (String w : withBase(ws.get(0))) {
                            if (!single.contains(w)) {
                                single.add(w);
                            }
                        }
                    } else if (!ws.isEmpty()) {
                        List<List<String>> v = new ArrayList<>();
                        for (String w : ws) {
                            v.add(List.of(w));
                        }
                        if (!out.contains(v)) {
                            out.add(v);
                        }
                    }
                }
                if (!single.isEmpty()) {
                    out.add(0, List.of(single));
                }
                if (out.isEmpty()) {
                    throw new Skip("empty synset");
                }
                return out;
            }
            if (!t.matches("[A-Za-z0-9_./'-]+")) {
                throw new Skip("unsupported token");
            }
            if (t.contains("/")) {
                List<String> alts = new ArrayList<>();
                for (String a : t.split("/")) {
                    List<String> ws = words(a);
                    if (ws.size() != 1) {
                        throw new Skip("unsupported token");
                    }
                    for (String w : withBase(ws.get(0))) {
                        if (!alts.contains(w)) {
                            alts.add(w);
                        }
                    }
                }
                out.add(List.of(alts));
                return out;
            }
            List<List<String>> v = new ArrayList<>();
            List<String> ws = words(t);
            for (String w : ws) {
                v.add(ws.size() == 1 ? withBase(w) : List.of(w));
            }
            if (v.isEmpty()) {
                throw new Skip("unsupported token");
            }
            out.add(v);
            return out;
        }
    }

    /** Words ending in "s" that are not regular plurals (or whose singular means something else). */
    private static final Set<String> NOT_PLURAL = Set.of("news", "arms", "means", "series", "species", "odds",
            "goods", "headquarters", "barracks", "gallows", "themselves", "thanks", "lats", "litas", "politics",
            "economics", "whereabouts", "its", "this", "has", "does", "was", "yes");

    /**
     * A pattern word and, for a regular plural, its singular ("prisoners" -> [prisoners, prisoner]): the coder matches
     * lemmas, so the singular matches both forms, and the original keeps PETRARCH's exact word when lemmatisation
     * misses. Verbs' "-s" forms get a harmless extra alternative ("frees" -> "free").
     */
    static List<String> withBase(String w) {
        String b = singular(w);
        return b == null ? List.of(w) : List.of(w, b);
    }

    static String singular(String w) {
        if (w.length() < 4 || !w.endsWith("s") || NOT_PLURAL.contains(w) || w.endsWith("ss") || w.endsWith("us")
                || w.endsWith("is") || w.endsWith("as") || w.endsWith("os") || !w.chars().allMatch(Character::isLetter)) {
            return null;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("zes")) {
            return w.substring(0, w.length() - 2);
        }
        return w.substring(0, w.length() - 1);
    }

    /** The gap position in a word sequence. */
    private static final List<String> GAP = List.of("...");

    /** Splits a pattern body into words and the single-character tokens * $ + % ^ ( ) { }. */
    static List<String> tokens(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c) || "*$+%^(){}".indexOf(c) >= 0) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** Positions to pattern text: alternatives joined by "/", positions by spaces. */
    private static String join(List<List<String>> positions) {
        StringBuilder sb = new StringBuilder();
        for (List<String> p : positions) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.join("/", new LinkedHashSet<>(p)));
        }
        return sb.toString();
    }

    /** "SET_FREE" / "Set Free" -> "set_free": lower case letters, digits and "_". */
    static String idPart(String s) {
        String p = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return p.isEmpty() ? "x" : p;
    }

    // ---------------------------------------------------------------------------------------------------------
    // writing

    /** Where the rules came from, for the generated file's header. */
    public record Source(String file, List<String> license, List<String> commit) {
    }

    /** The generated file's text: header (source, licence, commit, counts) then the rules with their comments. */
    public static String render(Result r, Source src) {
        StringBuilder sb = new StringBuilder();
        sb.append("# GENERATED by org.parley.coder.dictionary.PetrarchVerbImporter -- do not edit.\n");
        sb.append("# Regenerate from the project root with:\n");
        sb.append("#   ./mvnw -B -q -o -pl coder -am compile && java -cp coder/target/classes \\\n");
        sb.append("#     org.parley.coder.dictionary.PetrarchVerbImporter ").append(src.file())
                .append(" coder/src/main/resources/org/parley/coder/petrarch-verbs.txt\n");
        sb.append("# (PetrarchVerbImporterTest checks that this file is current when the source is present.)\n");
        sb.append("#\n");
        sb.append("# Parley action rules (language: see verbs.txt) imported from the PETRARCH-2 CAMEO verb dictionary\n");
        sb.append("#   ").append(src.file()).append('\n');
        for (String c : src.commit()) {
            sb.append("#   ").append(c).append('\n');
        }
        sb.append("# Mapping: see docs/dictionaries.md. Each pattern rule has its PETRARCH pattern in a comment above it\n");
        sb.append("# (FAMILY: - before * after [code] # comment); code --- is a blocking rule (matches, gives no event).\n");
        sb.append("#\n");
        sb.append("# Counts:\n");
        for (String s : r.summary()) {
            sb.append("#   ").append(s).append('\n');
        }
        sb.append("#\n");
        sb.append("# The source dictionary is under this licence (LICENSE.petrarch2.MIT.txt; the dictionary's own header\n");
        sb.append("# carries the same MIT text with \"Copyright (c) 2015 Open Event Data Alliance\"):\n");
        sb.append("#\n");
        for (String l : src.license()) {
            sb.append(l.isBlank() ? "#" : "# " + l.stripTrailing()).append('\n');
        }
        for (VerbRule rule : r.rules()) {
            for (int i = 0; i < rule.comments().size(); i++) {
                String c = rule.comments().get(i);
                if (i == 0 && c.startsWith("--- ")) {
                    sb.append('\n');
                }
                sb.append("# ").append(c).append('\n');
            }
            sb.append(rule.line()).append('\n');
        }
        return sb.toString();
    }

    /** Reads the licence and SOURCE_COMMIT.txt next to the input (when present) for the header. */
    public static Source source(Path input, String shownName) throws IOException {
        Path dir = input.toAbsolutePath().getParent();
        List<String> license = List.of("(licence file LICENSE.petrarch2.MIT.txt not found next to the source)");
        List<String> commit = List.of();
        Path lic = dir.resolve("LICENSE.petrarch2.MIT.txt");
        if (Files.exists(lic)) {
            license = trimBlankEnds(Files.readAllLines(lic, StandardCharsets.UTF_8));
        }
        Path sc = dir.resolve("SOURCE_COMMIT.txt");
        if (Files.exists(sc)) {
            List<String> lines = Files.readAllLines(sc, StandardCharsets.UTF_8);
            if (!lines.isEmpty()) {
                commit = List.of("source commit: " + lines.get(0).strip() + " (" + (lines.size() > 1
                        ? lines.get(1).strip() : "") + ")");
            }
        }
        return new Source(shownName, license, commit);
    }

    private static List<String> trimBlankEnds(List<String> lines) {
        int s = 0;
        int e = lines.size();
        while (s < e && lines.get(s).isBlank()) {
            s++;
        }
        while (e > s && lines.get(e - 1).isBlank()) {
            e--;
        }
        return lines.subList(s, e);
    }

    /** The generated text for an input file, shown in the header under {@code shownName}. */
    public static String generate(Path input, String shownName) throws IOException {
        return render(read(input, codebook()), source(input, shownName));
    }

    /** The name the header shows for the source: the path relative to the project root. */
    static final String SHOWN_NAME = "../shared/dictionaries/petrarch2/CAMEO.2.0.txt";

    /** args: input CAMEO.2.0.txt, output file. Prints the counts. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PetrarchVerbImporter CAMEO.2.0.txt petrarch-verbs.txt");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Result r = read(in, codebook());
        Files.writeString(Path.of(args[1]), render(r, source(in, SHOWN_NAME)), StandardCharsets.UTF_8);
        for (String s : r.summary()) {
            System.out.println(s);
        }
    }
}
