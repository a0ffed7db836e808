package org.parley.coder.dictionary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.coder.dictionary.PetrarchVerbImporter.Result;

/** Reading a PETRARCH-2 CAMEO verb dictionary: synonym sets and verb blocks (see {@link PetrarchVerbImporter}). */
final class PetrarchVerbReader {

    private PetrarchVerbReader() {
    }

    /** One verb of a block: its words (one alternative list per position) and its own code (null: the block's). */
    record Verb(String name, List<List<String>> positions, String code) {
        boolean multiWord() {
            return positions.size() > 1;
        }
    }

    record Block(String name, String code, List<Verb> verbs, List<String> patterns) {
    }

    /** Parses the lines of a verb dictionary. */
    static Result parse(List<String> lines, Set<String> codebook) {
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
        return new PetrarchVerbRuleBuilder(synsets, codebook).build(blocks, transformations);
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
    static String bracket(String s) {
        int b = s.indexOf('[');
        int e = s.indexOf(']', b + 1);
        return (e < 0 ? s.substring(b + 1) : s.substring(b + 1, e)).strip();
    }

    static String stripComment(String s) {
        int h = s.indexOf('#');
        int sc = s.indexOf(';');
        int cut = h < 0 ? sc : sc < 0 ? h : Math.min(h, sc);
        return (cut < 0 ? s : s.substring(0, cut)).strip();
    }
}
