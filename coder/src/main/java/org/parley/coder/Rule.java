package org.parley.coder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One action rule from verbs.txt: a CAMEO code and a word pattern, with flags for how source and target are
 * found. Immutable; see the file's header for the pattern language.
 */
record Rule(String id, String code, Element[] pattern, boolean symmetric, boolean place, boolean noTarget,
            String intentCode, String negatedCode, boolean objectBefore, boolean mutual, boolean fromSource,
            boolean objectNext, boolean clausal, boolean nounOnly, boolean verbOnly, boolean topicObject,
                   boolean fallback) {

    static final int GAP = 5;

    /** The code of a blocking rule. */
    static final String BLOCK = "---";

    /** One pattern position: a gap, or a set of alternatives (exact words and stems). */
    record Element(boolean gap, String[] words, String[] stems) {
        /** Matches the word itself, or its lemma against the plain words ("seized" matches "seize"). */
        boolean matches(String w, String lemma) {
            if (matches(w)) {
                return true;
            }
            if (lemma != w) {
                for (String x : words) {
                    if (x.equals(lemma)) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean matches(String w) {
            for (String x : words) {
                if (x.equals(w)) {
                    return true;
                }
            }
            for (String s : stems) {
                if (w.startsWith(s)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The flags without a value (verbs.txt's header says what each means). */
    private static final Set<String> FLAGS = Set.of("sym", "place", "notarget", "objbefore", "mutual", "from",
            "objnext", "that", "noun", "verb", "topic", "fallback");

    static Rule parse(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length < 3) {
            throw new IllegalArgumentException("expected: id | code | pattern | flags");
        }
        String id = f[0].strip();
        String code = f[1].strip();
        // "---": a blocking rule, which matches (and wins overlaps by length) but gives no event
        if (!code.equals(BLOCK) && !code.matches("\\d{3,4}")) {
            throw new IllegalArgumentException("bad CAMEO code " + code);
        }
        List<Element> els = new ArrayList<>();
        for (String tok : f[2].strip().split("\\s+")) {
            if (tok.equals("...")) {
                els.add(new Element(true, new String[0], new String[0]));
                continue;
            }
            List<String> words = new ArrayList<>();
            List<String> stems = new ArrayList<>();
            for (String alt : tok.split("/")) {
                String a = Lexicon.lower(alt.strip());
                if (a.isEmpty()) {
                    continue;
                }
                if (a.endsWith("*")) {
                    stems.add(a.substring(0, a.length() - 1));
                } else {
                    words.add(a);
                }
            }
            els.add(new Element(false, words.toArray(String[]::new), stems.toArray(String[]::new)));
        }
        if (els.isEmpty() || els.get(0).gap() || els.get(els.size() - 1).gap()) {
            throw new IllegalArgumentException("a pattern must start and end with a word");
        }
        Set<String> flags = new HashSet<>();
        String intent = null;
        String neg = null;
        for (String flag : f.length > 3 ? f[3].split(",") : new String[0]) {
            String fl = flag.strip();
            if (fl.startsWith("intent=")) {
                intent = fl.substring(7);
            } else if (fl.startsWith("neg=")) {
                neg = fl.substring(4);
            } else if (FLAGS.contains(fl)) {
                flags.add(fl);
            } else if (!fl.isEmpty()) {
                throw new IllegalArgumentException("unknown flag " + fl);
            }
        }
        return new Rule(id, code, els.toArray(Element[]::new), flags.contains("sym"), flags.contains("place"),
                flags.contains("notarget"), intent, neg, flags.contains("objbefore"), flags.contains("mutual"),
                flags.contains("from"), flags.contains("objnext"), flags.contains("that"), flags.contains("noun"),
                flags.contains("verb"), flags.contains("topic"), flags.contains("fallback"));
    }

    /** Keys under which the rule is indexed: the first element's words, and its stems' first 3 letters. */
    List<String> indexKeys() {
        List<String> keys = new ArrayList<>();
        for (String w : pattern[0].words()) {
            keys.add("=" + w);
        }
        for (String s : pattern[0].stems()) {
            keys.add("~" + prefixKey(s));
        }
        return keys;
    }

    /** Whether {@code word} is one of the pattern's own words ("on" in "put ... on ... alert"). */
    boolean spells(String word) {
        for (Element e : pattern) {
            if (!e.gap() && java.util.Arrays.asList(e.words()).contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Pattern elements that are words (not gaps): how specific the rule is. */
    int wordCount() {
        int n = 0;
        for (Element e : pattern) {
            n += e.gap() ? 0 : 1;
        }
        return n;
    }

    static String prefixKey(String s) {
        return s.length() <= 3 ? s : s.substring(0, 3);
    }

    /**
     * Matches the pattern starting at word {@code at} of {@code words} (lower-cased), not running past {@code end},
     * a named actor ({@code blocked} run) counting as one word of a gap. Returns the index after the last matched
     * word, or -1.
     */
    int matchAt(String[] words, String[] lemmas, int at, int end, boolean[] blocked) {
        return match(words, lemmas, at, end, blocked, 0);
    }

    /** Imported from the PETRARCH-2 verb dictionary (petrarch-verbs.txt), not one of Parley's own rules. */
    boolean imported() {
        return id.startsWith("petr.");
    }

    /** An imported rule for a verb without object words: it needs an actor as the verb's object. */
    boolean verbAlone() {
        if (!imported()) {
            return false;
        }
        for (Element e : pattern) {
            if (e.gap()) {
                return false;
            }
        }
        return true;
    }

    /** A blocking rule: it wins the words it matches, so shorter rules cannot fire there, and gives no event. */
    boolean blocking() {
        return code.equals(BLOCK);
    }

    /** Words of a sum or count, which do not lengthen a gap: "froze nearly $400 million in military aid". */
    private static boolean amount(String w) {
        return w.equals("$") || w.equals("€") || w.equals("£") || !w.isEmpty() && Character.isDigit(w.charAt(0))
                || w.equals("million") || w.equals("millions") || w.equals("billion") || w.equals("billions")
                || w.equals("hundreds") || w.equals("thousands");
    }

    private int match(String[] words, String[] lemmas, int pos, int end, boolean[] blocked, int el) {
        if (el == pattern.length) {
            return pos;
        }
        Element e = pattern[el];
        if (e.gap()) {
            // try the shortest gap first so the match stays tight; a named actor counts as one word of the gap
            int units = 0;
            for (int p = pos; units <= GAP && p < end; p++) {
                int r = match(words, lemmas, p, end, blocked, el + 1);
                if (r >= 0) {
                    return r;
                }
                if (!(blocked[p] && p + 1 < end && blocked[p + 1]) && !amount(words[p])) {
                    units++;
                }
            }
            return -1;
        }
        // wire copy puts the day between a verb and its complement: "refused on Friday to", "agreed yesterday to"
        int when = el > 0 && !pattern[el - 1].gap() ? Modality.timePhraseAt(words, pos) : 0;
        if (when == 2 || when == 1 && pos < end && !e.matches(words[pos], lemmas[pos])) {
            pos += when;
        }
        if (pos >= end || !e.matches(words[pos], lemmas[pos])) {
            return -1;
        }
        return match(words, lemmas, pos + 1, end, blocked, el + 1);
    }
}
