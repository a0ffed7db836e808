package org.parley.coder.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.EventCoder;

/** The ConfliBERT-style modes, chosen from the file's records, and the explanations of misses. */
class EvaluatorModesTest {
    @TempDir
    Path dir;

    private final Evaluator evaluator = new Evaluator(EventCoder.withDefaultDictionaries());

    @Test
    void actorSpansGiveActorRecall() throws Exception {
        Path f = dir.resolve("spans.jsonl");
        // spans: "Germany" found, "Poland" found, "the committee" no actor -> 2 of 3
        Files.writeString(f, """
                {"id":"a","tokens":[],"text":"Germany criticised Poland .","actors":[{"role":"source","text":"Germany"},{"role":"target","text":"Poland"}]}
                {"id":"b","tokens":[],"text":"The committee met on Monday .","actors":[{"role":"source","text":"The committee"}]}
                """);
        EvalReport r = evaluator.evaluate(f, true);
        assertThat(r.mode()).isEqualTo("actor-spans");
        assertThat(r.actorRecall().spans()).isEqualTo(3);
        assertThat(r.actorRecall().found()).isEqualTo(2);
        assertThat(r.actorRecall().sourcesFound()).isEqualTo(1);
        assertThat(r.actorRecall().targetsFound()).isEqualTo(1);
        assertThat(r.actorRecall().recall()).isEqualTo(0.6667);
        assertThat(r.misses()).extracting(EvalReport.Finding::tuple).containsExactly("source: The committee");
    }

    @Test
    void pentaClassesGiveDirectionAgreement() throws Exception {
        Path f = dir.resolve("quad.jsonl");
        // cooperation coded 046 (agrees); conflict coded 046 (opposite); conflict with no event; a statement
        Files.writeString(f, """
                {"id":"c1","text":"Germany and Poland held talks.","penta":1,"label":"verbal_cooperation"}
                {"id":"c2","text":"Germany and Poland held talks.","penta":4,"label":"material_conflict"}
                {"id":"c3","text":"Nothing happened today.","penta":3,"label":"verbal_conflict"}
                {"id":"c4","text":"Germany criticised Poland.","penta":0,"label":"statement"}
                """);
        EvalReport r = evaluator.evaluate(f, true);
        assertThat(r.mode()).isEqualTo("quad-class");
        EvalReport.Direction d = r.direction();
        assertThat(d.cooperation()).isEqualTo(1);
        assertThat(d.cooperationAgreed()).isEqualTo(1);
        assertThat(d.conflict()).isEqualTo(2);
        assertThat(d.conflictAgreed()).isZero();
        assertThat(d.opposite()).isEqualTo(1);
        assertThat(d.uncoded()).isEqualTo(1);
        assertThat(d.agreement()).isEqualTo(0.3333);
        assertThat(d.pentaAgreement()).isEqualTo(0.25);
        assertThat(r.misses()).hasSize(2);
    }

    @Test
    void verboseMissesCarryTheExplanation() throws Exception {
        Path f = dir.resolve("gold.jsonl");
        Files.writeString(f, """
                {"id":"m","text":"Spain said nothing about Portugal.","events":[{"source":"ESP","target":"PRT","code":"010"}]}
                """);
        EvalReport r = evaluator.evaluate(f, true);
        assertThat(r.mode()).isEqualTo("events");
        assertThat(r.misses()).singleElement().satisfies(m -> assertThat(m.why())
                .contains("Spain=ESP").contains("no action word matched a rule"));
    }

    @Test
    void badPentaNamesTheRecord() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"id\":\"z9\",\"text\":\"x\",\"penta\":7}\n");
        assertThatThrownBy(() -> evaluator.evaluate(f, false)).isInstanceOf(IOException.class).hasMessageContaining("z9");
    }

    @Test
    void pentaOfRoots() {
        assertThat(Evaluator.penta(2)).isZero();
        assertThat(Evaluator.penta(4)).isEqualTo(1);
        assertThat(Evaluator.penta(7)).isEqualTo(2);
        assertThat(Evaluator.penta(16)).isEqualTo(3);
        assertThat(Evaluator.penta(14)).isEqualTo(4);
        assertThat(Evaluator.penta(19)).isEqualTo(4);
    }
}
