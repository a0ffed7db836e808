package org.parley.coder.dictionary;

import static org.parley.coder.dictionary.PetrarchVerbImporter.MAX_LINES_PER_PATTERN;
import static org.parley.coder.dictionary.PetrarchVerbReader.bracket;
import static org.parley.coder.dictionary.PetrarchVerbReader.stripComment;
import static org.parley.coder.dictionary.PetrarchVerbReader.words;
import static org.parley.coder.dictionary.PetrarchVerbWords.idPart;
import static org.parley.coder.dictionary.PetrarchVerbWords.join;
import static org.parley.coder.dictionary.PetrarchVerbWords.tokens;
import static org.parley.coder.dictionary.PetrarchVerbWords.withBase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parley.coder.dictionary.PetrarchVerbImporter.Result;
import org.parley.coder.dictionary.PetrarchVerbImporter.VerbRule;
import org.parley.coder.dictionary.PetrarchVerbReader.Block;
import org.parley.coder.dictionary.PetrarchVerbReader.Verb;

/** Mapping read verb blocks to Parley action rules (see {@link PetrarchVerbImporter} for the mapping). */
final class PetrarchVerbRuleBuilder {

    /** Thrown inside the mapping of one pattern: the pattern is skipped for this reason. */
    private static final class Skip extends Exception {
        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A pattern position after the verb: one or more variants (each consecutive word positions). */
    private record Slot(List<List<List<String>>> variants, boolean adjacent) {
    }

    /** The gap position in a word sequence. */
    private static final List<String> GAP = List.of("...");

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

    PetrarchVerbRuleBuilder(Map<String, List<String>> synsets, Set<String> codebook) {
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
        header = verbRules(b, family, header);
        patternRules(b, family, header);
    }

    /** The verb-alone rules of a block; returns the header comments still to print (empty once printed). */
    private List<String> verbRules(Block b, String family, List<String> header) {
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
        return header;
    }

    /** The pattern rules of a block: triggered by its single-word verbs (or the verb a pattern's comment names). */
    private void patternRules(Block b, String family, List<String> header) {
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
        return expand(slots(rest));
    }

    /** The tokens after the verb to slots: "(" ")" dropped, words inside "{...}" adjacent to the one before. */
    private List<Slot> slots(List<String> rest) throws Skip {
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
        return slots;
    }

    /** The slots to word sequences: the product of their variants, gaps between non-adjacent slots. */
    private List<List<List<String>>> expand(List<Slot> slots) throws Skip {
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
