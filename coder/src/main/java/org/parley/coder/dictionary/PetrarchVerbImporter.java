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
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Parses the lines of a verb dictionary. */
    public static Result parse(List<String> lines, Set<String> codebook) {
        return PetrarchVerbReader.parse(lines, codebook);
    }

    /**
     * A pattern word and, for a regular plural, its singular ("prisoners" -> [prisoners, prisoner]): the coder matches
     * lemmas, so the singular matches both forms, and the original keeps PETRARCH's exact word when lemmatisation
     * misses. Verbs' "-s" forms get a harmless extra alternative ("frees" -> "free").
     */
    static List<String> withBase(String w) {
        return PetrarchVerbWords.withBase(w);
    }

    /** Where the rules came from, for the generated file's header. */
    public record Source(String file, List<String> license, List<String> commit) {
    }

    /** The generated file's text: header (source, licence, commit, counts) then the rules with their comments. */
    public static String render(Result r, Source src) {
        return PetrarchVerbWriter.render(r, src);
    }

    /** Reads the licence and SOURCE_COMMIT.txt next to the input (when present) for the header. */
    public static Source source(Path input, String shownName) throws IOException {
        return PetrarchVerbWriter.source(input, shownName);
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
