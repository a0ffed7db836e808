package org.parley.coder.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.EventCoder;
import org.parley.common.Json;

class EvaluatorTest {
    @TempDir
    Path dir;

    @Test
    void scoresTuplesAtThreeLevelsAndCountsAbsentTriples() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        // rec-1: the coder gives DEU>POL and POL>DEU 046; gold has DEU>POL 046 and a FRA>POL 111 it cannot find,
        // and marks POL>DEU 04 absent. rec-2: gold DEU>POL 111 (PETRARCH-style code), coder gives DEU>POL 111.
        Files.writeString(gold, """
                {"id":"rec-1","date":"2025-03-07","text":"Germany and Poland held talks.","events":[{"source":"DEU","target":"POL","code":"046"},{"source":"FRA","target":"POL","code":"111"}],"absent":[{"source":"POL","target":"DEU","root":"04"}]}

                {"id":"rec-2","text":"Germany criticised Poland.","events":[{"source":"DEUGOV","target":"POL","code":"111"}]}
                """);
        EvalReport r = new Evaluator(EventCoder.withDefaultDictionaries()).evaluate(gold, true);
        assertThat(r.records()).isEqualTo(2);
        // dyads: rec-1 predicted {DEU>POL, POL>DEU} vs gold {DEU>POL, FRA>POL}; rec-2 {DEU>POL} vs {DEU>POL}
        assertThat(r.dyad()).isEqualTo(EvalReport.Level.of(2, 1, 1));
        assertThat(r.root().tp()).isEqualTo(2);
        assertThat(r.root().fp()).isEqualTo(1);
        assertThat(r.root().fn()).isEqualTo(1);
        assertThat(r.root().precision()).isEqualTo(0.6667);
        assertThat(r.root().f1()).isEqualTo(0.6667);
        assertThat(r.absentProduced()).isEqualTo(1);
        assertThat(r.misses()).extracting(EvalReport.Finding::tuple).containsExactly("FRA>POL>11");
        assertThat(r.falseEvents()).extracting(EvalReport.Finding::tuple).containsExactly("POL>DEU>04 (046)");

        String json = Json.mapper().writeValueAsString(r);
        assertThat(json).contains("\"dyad\"", "\"quad\"", "\"root\"", "\"absentProduced\":1", "\"f1\"");
        EvalReport quiet = new Evaluator(EventCoder.withDefaultDictionaries()).evaluate(gold, false);
        assertThat(Json.mapper().writeValueAsString(quiet)).doesNotContain("misses", "falseEvents");
    }

    @Test
    void badGoldLineIsNamed() throws Exception {
        Path gold = dir.resolve("bad.jsonl");
        Files.writeString(gold, "{\"id\":\"a\",\"text\":\"x\"}\n{oops\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Evaluator(EventCoder.withDefaultDictionaries()).evaluate(gold, false))
                .hasMessageContaining("line 2");
    }

    @Test
    void normalisesPetrarchCodes() {
        assertThat(Evaluator.normalise("GUYJUD")).isEqualTo("GUY");
        assertThat(Evaluator.normalise("IGOEUREEC")).isEqualTo("EU");
        assertThat(Evaluator.normalise("IGOUNOMIL")).isEqualTo("UN");
        assertThat(Evaluator.normalise("---")).isNull();
        assertThat(Evaluator.normalise("---GOV")).isEqualTo("---");
        assertThat(Evaluator.normalise("EUR")).isEqualTo("EUR");
        assertThat(Evaluator.normalise("NATO")).isEqualTo("NATO");
    }
}
