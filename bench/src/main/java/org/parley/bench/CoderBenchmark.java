package org.parley.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;

/**
 * Coder throughput on one thread, in sentences per second. The sentences are synthetic news sentences written
 * for this benchmark (no evaluation data): a mix of diplomacy, conflict, reported speech, passives and sentences
 * with no event, 20-35 words each, as wire copy has.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoderBenchmark {
    static final String[] SENTENCES = {
        "Polish Foreign Minister Radoslaw Sikorski met his Ukrainian counterpart in Warsaw on Tuesday to discuss "
                + "grain exports and the reconstruction of damaged ports.",
        "The European Union on Monday extended its sanctions against Belarus for another year, citing continued "
                + "repression of the opposition.",
        "Militants attacked an army checkpoint in northern Mali overnight, killing four soldiers, the defence "
                + "ministry said in a statement.",
        "Japan and South Korea agreed to resume regular security talks that had been suspended since 2018, "
                + "officials in Tokyo said.",
        "The Kremlin said on Wednesday that it was ready to hold talks with Washington on strategic stability, "
                + "but only without preconditions.",
        "Kenyan police arrested three men suspected of planning an attack on a shopping centre in Nairobi, a "
                + "police spokesman told reporters.",
        "Brazil's president praised the trade agreement with Argentina as a historic step for the region's "
                + "farmers and manufacturers.",
        "Prices of rice and wheat rose sharply in the capital after heavy rains damaged crops in several "
                + "provinces, traders said.",
        "Israeli warplanes struck targets in southern Lebanon on Friday after rockets were fired from across the "
                + "border, the army said.",
        "The United Nations Security Council condemned the coup in Niger and demanded the immediate release of "
                + "the detained president.",
        "India was criticised by China for allowing the visit, which Beijing said violated its sovereignty and "
                + "harmed bilateral relations.",
        "Germany will deliver additional air defence systems to Ukraine before winter, the German defence "
                + "minister announced in Berlin.",
        "The talks between Serbia and Kosovo did not take place as planned because of a dispute over the "
                + "agenda, diplomats said.",
        "Turkish President Recep Tayyip Erdogan accused Sweden of harbouring militants and said Ankara would not "
                + "approve its NATO bid soon.",
        "Thousands of protesters marched through the streets of Tbilisi on Sunday against a proposed law on "
                + "foreign agents.",
        "The central bank kept interest rates unchanged for a third consecutive meeting, saying inflation "
                + "remained above its target.",
    };

    EventCoder coder;
    String article;
    int sentences;

    @Setup
    public void setup() {
        coder = EventCoder.withDefaultDictionaries();
        article = String.join(" ", SENTENCES);
        sentences = coder.code(new CoderInput("b", article, LocalDate.of(2024, 6, 1), null)).sentenceCount();
        if (sentences != SENTENCES.length) {
            throw new IllegalStateException("sentence splitter gave " + sentences + " sentences, not "
                    + SENTENCES.length);
        }
    }

    /** One operation = one sentence: the article of 16 sentences is coded per invocation. */
    @Benchmark
    @OperationsPerInvocation(16)
    public void codeSentences(Blackhole bh) {
        bh.consume(coder.code(new CoderInput("b", article, LocalDate.of(2024, 6, 1), null)));
    }

    /** The explanation path of {@code parley code --explain}, for comparison (not on the processor's path). */
    @Benchmark
    @OperationsPerInvocation(16)
    public void explainSentences(Blackhole bh) {
        bh.consume(coder.explain(new CoderInput("b", article, LocalDate.of(2024, 6, 1), null)));
    }
}
