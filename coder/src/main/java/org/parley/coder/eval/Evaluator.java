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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.coder.CodedArticle;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;
import org.parley.common.Event;
import org.parley.common.Json;

/**
 * Scores the coder against a gold JSONL file: unique (source, target[, quad | root]) tuples per record,
 * micro-averaged over records. Gold actor codes in PETRARCH form ("GUYJUD", "IGOEUREEC") are reduced to
 * Parley's codes first; see {@link #normalise(String)}.
 */
public final class Evaluator {
    private final EventCoder coder;

    public Evaluator(EventCoder coder) {
        this.coder = coder;
    }

    public EvalReport evaluate(Path goldJsonl, boolean verbose) throws IOException {
        int[] dyad = new int[3];
        int[] quad = new int[3];
        int[] root = new int[3];
        int records = 0;
        int absentProduced = 0;
        List<EvalReport.Finding> absentHits = new ArrayList<>();
        List<EvalReport.Finding> misses = verbose ? new ArrayList<>() : null;
        List<EvalReport.Finding> falses = verbose ? new ArrayList<>() : null;
        try (BufferedReader r = Files.newBufferedReader(goldJsonl, StandardCharsets.UTF_8)) {
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
                    throw new IOException(goldJsonl + " line " + lineNo + ": not JSON: " + e.getMessage(), e);
                }
                if (rec == null || !rec.hasNonNull("text")) {
                    throw new IOException(goldJsonl + " line " + lineNo + ": record without \"text\"");
                }
                records++;
                String id = rec.path("id").asText("line-" + lineNo);
                LocalDate date = rec.hasNonNull("date") ? LocalDate.parse(rec.get("date").asText()) : null;
                CodedArticle coded = coder.code(new CoderInput(id, rec.get("text").asText(), date, null));

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
                            misses.add(new EvalReport.Finding(id, g.getKey(), sentence, null));
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
        }
        return new EvalReport(goldJsonl.toString(), records, level(dyad), level(quad), level(root),
                absentProduced, absentHits, misses, falses);
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
