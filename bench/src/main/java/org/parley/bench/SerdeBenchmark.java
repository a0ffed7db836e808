package org.parley.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.common.Actor;
import org.parley.common.Article;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.common.Span;
import org.parley.contracts.JsonSerde;
import org.parley.processor.stance.CompactSerde;
import org.parley.processor.stance.StanceEvent;
import org.parley.processor.stance.StanceSerdes;

/**
 * The serdes of Parley's topics ({@link JsonSerde}) and of the processor's stores and repartition topics
 * ({@link StanceSerdes}), one record per operation: an article of about 2.4 KB of text (the size of the pipeline
 * benchmark's synthetic articles), an event, and a dyad aggregate (the value the stance store reads and writes
 * once per article and dyad), the last two in JSON and in the processor's binary form.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {
    private final JsonSerde<Article> articles = JsonSerde.of(Article.class);
    private final JsonSerde<Event> events = JsonSerde.of(Event.class);
    private final JsonSerde<DyadStance> dyads = JsonSerde.of(DyadStance.class);
    private final CompactSerde<DyadStance> binaryDyads = StanceSerdes.dyadStance();
    private final CompactSerde<StanceEvent> binaryEvents = StanceSerdes.stanceEvent();
    private byte[] binaryDyadBytes;
    private byte[] binaryEventBytes;
    private StanceEvent stanceEvent;
    private Article article;
    private Event event;
    private DyadStance dyad;
    private byte[] articleBytes;
    private byte[] eventBytes;
    private byte[] dyadBytes;

    @Setup
    public void setUp() {
        StringBuilder text = new StringBuilder();
        String[] sentences = {
            "Poland and France held talks in Geneva on energy, a spokesperson told reporters.",
            "Inflation stood at 4.2 percent in March.",
            "Hungary criticised North Korea over its trade policy as part of a wider review of shipping.",
            "Officials declined to comment on the report.",
            "The meeting lasted about 6 hours, according to people familiar with the schedule."};
        for (int i = 0; text.length() < 2400; i++) {
            text.append(sentences[i % sentences.length]).append(i % 4 == 3 ? "\n\n" : " ");
        }
        Instant t = Instant.parse("2025-05-01T10:15:30.123Z");
        article = new Article("4f1c2a9e0b7d3c58", "Talks in Geneva", text.toString(), LocalDate.of(2025, 5, 1),
                Article.DateSource.METADATA, "https://example.org/news/1", "Example Wire", null, null,
                "4f1c2a9e0b7d3c58", t);
        event = new Event("4f1c2a9e0b7d3c58-0-0", "4f1c2a9e0b7d3c58", 0,
                "Poland and France held talks in Geneva on energy, a spokesperson told reporters.", new Span(0, 81),
                LocalDate.of(2025, 5, 1), new Actor("POL", Actor.ActorType.STATE, "GOV", "Poland", "Poland"),
                new Actor("FRA", Actor.ActorType.STATE, "GOV", "France", "France"), "046", "04", 1, 7.0, "CONSULT",
                "Geneva", "consult.talks", t);
        dyad = new DyadStance("POL", "FRA", 12, 15, 31.5, 2.625, Map.of("1", 9L, "3", 3L),
                Map.of("04", 7L, "05", 2L, "11", 3L), 0.75, 1.9, t.minusSeconds(86_400 * 30), t,
                List.of("a-1-0", "a-2-3", "a-3-1", "a-4-0", "a-5-2"), t);
        articleBytes = articles.toBytes(article);
        eventBytes = events.toBytes(event);
        dyadBytes = dyads.toBytes(dyad);
        binaryDyadBytes = binaryDyads.toBytes(dyad);
        stanceEvent = StanceEvent.of(event);
        binaryEventBytes = binaryEvents.toBytes(stanceEvent);
    }

    @Benchmark
    public byte[] articleSerialize() {
        return articles.toBytes(article);
    }

    @Benchmark
    public Article articleDeserialize() {
        return articles.fromBytes(articleBytes);
    }

    @Benchmark
    public byte[] eventSerialize() {
        return events.toBytes(event);
    }

    @Benchmark
    public Event eventDeserialize() {
        return events.fromBytes(eventBytes);
    }

    @Benchmark
    public byte[] dyadStanceSerialize() {
        return dyads.toBytes(dyad);
    }

    @Benchmark
    public DyadStance dyadStanceDeserialize() {
        return dyads.fromBytes(dyadBytes);
    }

    /** The binary form the dyad-stance store keeps (processor-internal; the dyad topic stays JSON). */
    @Benchmark
    public byte[] dyadStanceSerializeBinary() {
        return binaryDyads.toBytes(dyad);
    }

    @Benchmark
    public DyadStance dyadStanceDeserializeBinary() {
        return binaryDyads.fromBytes(binaryDyadBytes);
    }

    /** What the events-by-dyad repartition topic carries per event instead of the whole event as JSON. */
    @Benchmark
    public byte[] stanceEventSerializeBinary() {
        return binaryEvents.toBytes(stanceEvent);
    }

    @Benchmark
    public StanceEvent stanceEventDeserializeBinary() {
        return binaryEvents.fromBytes(binaryEventBytes);
    }
}
