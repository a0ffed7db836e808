package org.parley.coder.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.coder.CodedArticle;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;
import org.parley.coder.Explanation;
import org.parley.coder.learned.PentaTrainer;
import org.parley.coder.learned.SentenceEmbedder;
import org.parley.coder.learned.SoftmaxClassifier;
import org.parley.common.Event;
import org.parley.common.Json;

/**
 * Scores the coder against a gold JSONL file: unique (source, target[, quad | root]) tuples per record,
 * micro-averaged over records. Gold actor codes in PETRARCH form ("GUYJUD", "IGOEUREEC") are reduced to
 * Parley's codes first; see {@link #normalise(String)}.
 */
public final class Evaluator {
    private final EventCoder coder;
    /** Above 0: penta files are coded with learned-opinion models cross-validated over this many folds. */
    private final int learnedFolds;

    public Evaluator(EventCoder coder) {
        this(coder, 0);
    }

    private Evaluator(EventCoder coder, int learnedFolds) {
        this.coder = coder;
        this.learnedFolds = learnedFolds;
    }

    /**
     * An evaluator that, on a file with {@code "penta"} classes (the learned opinion's own training data), codes
     * each record with a learned model trained on the other {@code folds - 1} folds, so the figure is one measured
     * on sentences the model never saw.
     */
    public Evaluator crossValidatingLearnedOpinion(int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        return new Evaluator(coder, folds);
    }

    /**
     * Scores the coder on a JSONL file, choosing the mode from its first record: records with {@code "events"}
     * are scored as coded events (dyad/quad/root F1); records with {@code "actors"} spans (ConfliBERT cameo_ner)
     * give actor recall; records with {@code "penta"} (ConfliBERT cameo_class) give direction agreement.
     */
    public EvalReport evaluate(Path goldJsonl, boolean verbose) throws IOException {
        String mode = detectMode(goldJsonl);
        if (mode.equals("actor-spans")) {
            return actorSpans(goldJsonl, verbose);
        }
        if (mode.equals("quad-class")) {
            return quadClass(goldJsonl, verbose);
        }
        return events(goldJsonl, verbose);
    }

    static String detectMode(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode rec;
                try {
                    rec = Json.mapper().readTree(line);
                } catch (IOException e) {
                    throw new IOException(file + " line " + lineNo + ": not JSON: " + e.getMessage(), e);
                }
                if (rec != null && rec.has("actors") && !rec.has("events")) {
                    return "actor-spans";
                }
                if (rec != null && rec.has("penta") && !rec.has("events")) {
                    return "quad-class";
                }
                return "events";
            }
        }
        return "events";
    }

    /** Reads every record of a JSONL file, failing with the file and line on bad JSON or a missing "text". */
    private static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode rec;
                try {
                    rec = Json.mapper().readTree(line);
                } catch (IOException e) {
                    throw new IOException(file + " line " + lineNo + ": not JSON: " + e.getMessage(), e);
                }
                if (rec == null || !rec.hasNonNull("text")) {
                    throw new IOException(file + " line " + lineNo + ": record without \"text\"");
                }
                if (!rec.has("id")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) rec).put("id", "line-" + lineNo);
                }
                out.add(rec);
            }
        }
        return out;
    }

    private static LocalDate dateOf(JsonNode rec) {
        return rec.hasNonNull("date") ? LocalDate.parse(rec.get("date").asText()) : null;
    }

    private EvalReport actorSpans(Path file, boolean verbose) throws IOException {
        int spans = 0;
        int found = 0;
        int srcSpans = 0;
        int srcFound = 0;
        int tgtSpans = 0;
        int tgtFound = 0;
        int withEvents = 0;
        List<JsonNode> recs = records(file);
        List<EvalReport.Finding> misses = verbose ? new ArrayList<>() : null;
        for (JsonNode rec : recs) {
            String text = rec.get("text").asText();
            Explanation x = coder.explain(new CoderInput(rec.get("id").asText(), text, dateOf(rec), null));
            Set<String> actorWords = new HashSet<>();
            for (Explanation.SentenceTrace st : x.sentences()) {
                if (!st.events().isEmpty()) {
                    withEvents++;
                }
                for (Explanation.ActorFound a : st.actors()) {
                    actorWords.addAll(words(a.text())); // a place is resolved too: "aid to Liberia" names LBR
                }
            }
            for (JsonNode span : rec.path("actors")) {
                String role = span.path("role").asText();
                boolean hit = false;
                for (String w : words(span.path("text").asText())) {
                    hit |= actorWords.contains(w);
                }
                spans++;
                found += hit ? 1 : 0;
                if (role.equals("source")) {
                    srcSpans++;
                    srcFound += hit ? 1 : 0;
                } else if (role.equals("target")) {
                    tgtSpans++;
                    tgtFound += hit ? 1 : 0;
                }
                if (!hit && misses != null) {
                    misses.add(new EvalReport.Finding(rec.get("id").asText(), role + ": " + span.path("text").asText(),
                            text, null));
                }
            }
        }
        double recall = spans == 0 ? 0 : Math.round(10000.0 * found / spans) / 10000.0;
        return new EvalReport(file.toString(), recs.size(), null, null, null, 0, List.of(), misses, null,
                "actor-spans", new EvalReport.ActorRecall(spans, found, recall, srcSpans, srcFound, tgtSpans,
                tgtFound, withEvents), null);
    }

    /** Content words of a span, lower-cased: articles and punctuation cannot make a hit. */
    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : s.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 1 && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "and", "its", "his", "her", "their", "in",
            "on", "for", "to", "with", "by", "at", "from", "s");

    private EvalReport quadClass(Path file, boolean verbose) throws IOException {
        int coop = 0;
        int coopOk = 0;
        int conflict = 0;
        int conflictOk = 0;
        int opposite = 0;
        int uncoded = 0;
        int pentaOk = 0;
        List<JsonNode> recs = records(file);
        List<EvalReport.Finding> misses = verbose ? new ArrayList<>() : null;
        List<EventCoder> foldCoders = foldCoders(file);
        for (JsonNode rec : recs) {
            EventCoder coder = foldCoders.isEmpty() ? this.coder
                    : foldCoders.get(PentaTrainer.foldOf(rec.get("id").asText(), learnedFolds));
            int penta = rec.path("penta").asInt(-1);
            if (penta < 0 || penta > 4) {
                throw new IOException(file + " record " + rec.get("id").asText() + ": \"penta\" must be 0-4");
            }
            String text = rec.get("text").asText();
            CodedArticle coded = coder.code(new CoderInput(rec.get("id").asText(), text, dateOf(rec), null));
            boolean anyCoop = false;
            boolean anyConflict = false;
            Set<Integer> pentas = new HashSet<>();
            StringBuilder codes = new StringBuilder();
            for (Event e : coded.events()) {
                int root = Integer.parseInt(e.root());
                anyCoop |= root >= 3 && root <= 8;
                anyConflict |= root >= 9;
                pentas.add(penta(root));
                codes.append(codes.length() == 0 ? "" : " ").append(e.cameo());
            }
            pentaOk += pentas.contains(penta) ? 1 : 0;
            if (penta == 0) {
                continue;
            }
            boolean wantCoop = penta <= 2;
            boolean ok = wantCoop ? anyCoop : anyConflict;
            if (wantCoop) {
                coop++;
                coopOk += ok ? 1 : 0;
            } else {
                conflict++;
                conflictOk += ok ? 1 : 0;
            }
            if (!ok) {
                if (coded.events().isEmpty()) {
                    uncoded++;
                } else {
                    opposite++;
                }
                if (misses != null) {
                    misses.add(new EvalReport.Finding(rec.get("id").asText(), rec.path("label").asText("penta " + penta)
                            + (codes.length() == 0 ? " (no event)" : " coded " + codes), text, null));
                }
            }
        }
        int n = coop + conflict;
        double agreement = n == 0 ? 0 : Math.round(10000.0 * (coopOk + conflictOk) / n) / 10000.0;
        double pentaAgreement = recs.isEmpty() ? 0 : Math.round(10000.0 * pentaOk / recs.size()) / 10000.0;
        return new EvalReport(file.toString(), recs.size(), null, null, null, 0, List.of(), misses, null,
                foldCoders.isEmpty() ? "quad-class" : "quad-class, learned opinion " + learnedFolds
                        + "-fold cross-validated", null, new EvalReport.Direction(coop, coopOk, conflict, conflictOk, opposite, uncoded,
                agreement, recs.size(), pentaAgreement));
    }

    /** One coder per fold, each with a learned model trained without that fold; empty when not cross-validating. */
    private List<EventCoder> foldCoders(Path file) throws IOException {
        if (learnedFolds == 0 || !coder.learnedOpinion()) {
            return List.of();
        }
        List<EventCoder> out = new ArrayList<>();
        for (SoftmaxClassifier m : PentaTrainer.foldModels(PentaTrainer.read(file), SentenceEmbedder.miniLm(),
                learnedFolds)) {
            out.add(coder.withLearnedModel(m));
        }
        return out;
    }

    /** ConfliBERT's five-way class of a CAMEO root. */
    static int penta(int root) {
        if (root <= 2) {
            return 0;
        }
        if (root <= 5) {
            return 1;
        }
        if (root <= 8) {
            return 2;
        }
        if (root <= 13 || root == 16) {
            return 3;
        }
        return 4;
    }

    private EvalReport events(Path goldJsonl, boolean verbose) throws IOException {
        int[] dyad = new int[3];
        int[] quad = new int[3];
        int[] root = new int[3];
        int absentProduced = 0;
        List<EvalReport.Finding> absentHits = new ArrayList<>();
        List<EvalReport.Finding> misses = verbose ? new ArrayList<>() : null;
        List<EvalReport.Finding> falses = verbose ? new ArrayList<>() : null;
        List<JsonNode> recs = records(goldJsonl);
        for (JsonNode rec : recs) {
            String id = rec.get("id").asText();
            LocalDate date = dateOf(rec);
            CoderInput input = new CoderInput(id, rec.get("text").asText(), date, null);
            Explanation explanation = verbose ? coder.explain(input) : null;
            CodedArticle coded = verbose ? new CodedArticle(id, explanation.sentences().size(),
                    allEvents(explanation)) : coder.code(input);

            Set<String> gDyad = new LinkedHashSet<>();
            Set<String> gQuad = new LinkedHashSet<>();
            Map<String, String> gRoot = new HashMap<>();
            for (JsonNode e : rec.path("events")) {
                String s = normalise(e.path("source").asText(null));
                String t = normalise(e.path("target").isNull() ? null : e.path("target").asText(null));
                String code = e.path("code").asText();
                String rt = code.substring(0, 2);
                gDyad.add(s + ">" + t);
                gQuad.add(s + ">" + t + ">" + Event.quadClassOfRoot(rt));
                gRoot.putIfAbsent(s + ">" + t + ">" + rt, e.path("evidence").asText(null));
            }
            Set<String> pDyad = new LinkedHashSet<>();
            Set<String> pQuad = new LinkedHashSet<>();
            Map<String, Event> pRoot = new HashMap<>();
            for (Event e : coded.events()) {
                String s = e.source().code();
                String t = e.target() == null ? null : e.target().code();
                pDyad.add(s + ">" + t);
                pQuad.add(s + ">" + t + ">" + e.quadClass());
                pRoot.putIfAbsent(s + ">" + t + ">" + e.root(), e);
            }
            count(gDyad, pDyad, dyad);
            count(gQuad, pQuad, quad);
            count(gRoot.keySet(), pRoot.keySet(), root);
            for (JsonNode a : rec.path("absent")) {
                String key = normalise(a.path("source").asText(null)) + ">"
                        + normalise(a.path("target").isNull() ? null : a.path("target").asText(null)) + ">"
                        + a.path("root").asText();
                if (pRoot.containsKey(key)) {
                    absentProduced++;
                    Event e = pRoot.get(key);
                    absentHits.add(new EvalReport.Finding(id, key, e.sentence(), e.rule()));
                }
            }
            if (verbose) {
                for (Map.Entry<String, String> g : gRoot.entrySet()) {
                    if (!pRoot.containsKey(g.getKey())) {
                        String sentence = g.getValue() != null ? g.getValue() : rec.get("text").asText();
                        misses.add(new EvalReport.Finding(id, g.getKey(), sentence, null,
                                why(explanation, g.getValue())));
                    }
                }
                for (Map.Entry<String, Event> p : pRoot.entrySet()) {
                    if (!gRoot.containsKey(p.getKey())) {
                        falses.add(new EvalReport.Finding(id, p.getKey() + " (" + p.getValue().cameo() + ")",
                                p.getValue().sentence(), p.getValue().rule()));
                    }
                }
            }
        }
        return new EvalReport(goldJsonl.toString(), recs.size(), level(dyad), level(quad), level(root),
                absentProduced, absentHits, misses, falses);
    }

    private static List<Event> allEvents(Explanation x) {
        List<Event> out = new ArrayList<>();
        for (Explanation.SentenceTrace s : x.sentences()) {
            out.addAll(s.events());
        }
        return out;
    }

    /** The trace of the sentence holding the evidence (or of every sentence of a short record). */
    private static String why(Explanation x, String evidence) {
        StringBuilder sb = new StringBuilder();
        for (Explanation.SentenceTrace s : x.sentences()) {
            boolean holds = evidence != null && (s.sentence().contains(evidence) || evidence.contains(s.sentence()));
            if (holds || evidence == null && x.sentences().size() <= 3) {
                sb.append(sb.length() == 0 ? "" : " | ").append('[').append(s.index()).append("] ").append(s.summary());
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static EvalReport.Level level(int[] c) {
        return EvalReport.Level.of(c[0], c[1], c[2]);
    }

    private static void count(Set<String> gold, Set<String> predicted, int[] c) {
        for (String p : predicted) {
            if (gold.contains(p)) {
                c[0]++;
            } else {
                c[1]++;
            }
        }
        for (String g : gold) {
            if (!predicted.contains(g)) {
                c[2]++;
            }
        }
    }

    /**
     * Reduces a gold actor code to Parley's code space: PETRARCH compounds keep their country ("GUYJUD" -> "GUY");
     * IGO codes map to EU/UN/NATO where Parley has them; "---" (no actor) is null; "---XXX" (an actor of unknown
     * country) stays "---", which Parley never produces.
     */
    public static String normalise(String code) {
        if (code == null || code.isBlank() || code.equals("---") || code.equals("null")) {
            return null;
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (c.startsWith("---")) {
            return "---";
        }
        if (c.startsWith("IGO")) {
            String rest = c.substring(3);
            if (rest.startsWith("EUR") || rest.startsWith("EEC")) {
                return "EU";
            }
            if (rest.startsWith("UNO")) {
                return "UN";
            }
            if (rest.startsWith("NAT")) {
                return "NATO";
            }
            return c.length() >= 6 ? c.substring(0, 6) : c;
        }
        if (c.equals("EU") || c.equals("EUR") || c.equals("UN") || c.equals("NATO")) {
            return c;
        }
        return c.length() > 3 ? c.substring(0, 3) : c;
    }
}
