package org.parley.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.parley.common.Actor;
import org.parley.common.Article;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.common.Span;

/**
 * Fuzzes every topic's serdes. Whatever bytes arrive, a deserializer gives a value or throws
 * {@link SerializationException}: that is the one exception Kafka Streams' deserialization handler (and the sink's)
 * turns into a dead letter, so any other type would stop a stream thread or the sink. And every valid record comes
 * back equal after a round trip through its serde.
 */
class JsonSerdeFuzzTest {
    private static final List<Topic<?, ?>> TOPICS = new Topics("fuzz").all();
    private static final List<JsonSerde<?>> VALUE_SERDES = List.of(JsonSerde.of(Article.class),
            JsonSerde.of(Event.class), JsonSerde.of(DyadStance.class), JsonSerde.of(CountryStance.class));

    @Property(tries = 400)
    void arbitraryBytesGiveAValueOrASerializationException(@ForAll("bytes") byte[] bytes) {
        for (Topic<?, ?> t : TOPICS) {
            readOrReject(t.keySerde(), t.name(), bytes);
            readOrReject(t.valueSerde(), t.name(), bytes);
        }
    }

    @Property(tries = 400)
    void arbitraryStringsGiveAValueOrASerializationException(@ForAll("anyStrings") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (Topic<?, ?> t : TOPICS) {
            readOrReject(t.valueSerde(), t.name(), bytes);
        }
    }

    /** Valid JSON of each record type with one edit: wrong types, cut-off values, stray characters in fields. */
    @Property(tries = 1000)
    void nearlyValidJsonGivesAValueOrASerializationException(@ForAll("nearlyValidJson") String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (Topic<?, ?> t : TOPICS) {
            boolean read = readOrReject(t.valueSerde(), t.name(), bytes);
            if (t.name().endsWith(".events")) {
                Statistics.label("event").collect(read ? "read" : "rejected");
            }
        }
        // The edits must reach both outcomes, or the fuzzing tests less than it claims.
        Statistics.label("event").coverage(c -> {
            c.check("read").count(n -> n > 0);
            c.check("rejected").count(n -> n > 0);
        });
    }

    @Property(tries = 300)
    void articlesRoundTrip(@ForAll("articles") Article article) {
        assertRoundTrip(Topics.defaults().articles().valueSerde(), article);
    }

    @Property(tries = 300)
    void eventsRoundTrip(@ForAll("events") Event event) {
        assertRoundTrip(Topics.defaults().events().valueSerde(), event);
    }

    @Property(tries = 300)
    void dyadStancesRoundTrip(@ForAll("dyadStances") DyadStance stance) {
        assertRoundTrip(Topics.defaults().dyadStance().valueSerde(), stance);
    }

    @Property(tries = 300)
    void countryStancesRoundTrip(@ForAll("countryStances") CountryStance stance) {
        assertRoundTrip(Topics.defaults().countryStance().valueSerde(), stance);
    }

    @Property(tries = 200)
    void deadLettersRoundTrip(@ForAll("text") String origin, @ForAll("text") String reason,
                              @ForAll("text") String payload, @ForAll("instants") Instant at) {
        DeadLetter letter = DeadLetter.ofInput("ingest", origin, reason, payload, at);
        var written = letter.toRecord("fuzz.dlq");
        long stamped = written.timestamp() == null ? 0L : written.timestamp();
        var read = new org.apache.kafka.clients.consumer.ConsumerRecord<>("fuzz.dlq", 0, 0L, stamped,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, -1, -1, written.key(), written.value(),
                written.headers(), java.util.Optional.empty());
        DeadLetter back = DeadLetter.read(read);
        assertThat(back.component()).isEqualTo("ingest");
        assertThat(back.origin()).isEqualTo(origin);
        assertThat(back.reason()).isEqualTo(reason);
        assertThat(back.valueText()).isEqualTo(payload);
        assertThat(back.at()).isEqualTo(at.toEpochMilli() < 0 ? Instant.EPOCH : Instant.ofEpochMilli(at.toEpochMilli()));
    }

    /** A value any JSON field may hold. */
    record Note(String text) {
    }

    /** Strings that are not valid UTF-16 (a lone surrogate) cannot be written as JSON: that too is a clean error. */
    @Property(tries = 300)
    void writingAnyStringGivesBytesOrASerializationException(@ForAll("anyStrings") String text) {
        try {
            byte[] bytes = JsonSerde.of(Note.class).toBytes(new Note(text));
            assertThat(bytes).isNotNull();
        } catch (SerializationException expected) {
            assertThat(expected.getMessage()).contains("Note");
        }
    }

    /** True when the bytes were read, false when rejected; any other exception escapes and fails the property. */
    private static boolean readOrReject(Serde<?> serde, String topic, byte[] bytes) {
        try {
            serde.deserializer().deserialize(topic, bytes);
            return true;
        } catch (SerializationException expected) {
            assertThat(expected.getMessage()).as("a reason for the dead letter").isNotBlank();
            return false;
        }
    }

    private static <T> void assertRoundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(value);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    @Provide
    Arbitrary<String> anyStrings() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> nearlyValidJson() {
        Arbitrary<String> valid = Arbitraries.oneOf(
                articles().map(a -> new String(JsonSerde.of(Article.class).toBytes(a), StandardCharsets.UTF_8)),
                events().map(e -> new String(JsonSerde.of(Event.class).toBytes(e), StandardCharsets.UTF_8)),
                dyadStances().map(d -> new String(JsonSerde.of(DyadStance.class).toBytes(d), StandardCharsets.UTF_8)),
                countryStances().map(c -> new String(JsonSerde.of(CountryStance.class).toBytes(c),
                        StandardCharsets.UTF_8)));
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of("\"", "{", "}", "[", "]", ",", ":", "null",
                "true", "-", "1e999", "\"x\"", "[]", "{}", "0", "\\u0000", "NaN", "\"2025-13-45\""),
                Arbitraries.strings().ofMaxLength(3));
        return Combinators.combine(valid, Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 20),
                insert, Arbitraries.integers().between(0, 2)).as((json, where, cut, text, kind) -> {
                    int at = (int) (where * json.length());
                    int end = Math.min(json.length(), at + cut);
                    return switch (kind) {
                        case 0 -> json.substring(0, at) + text + json.substring(at);       // insert
                        case 1 -> json.substring(0, at) + json.substring(end);             // delete
                        default -> json.substring(0, at) + text + json.substring(end);     // replace
                    };
                });
    }

    @Provide
    Arbitrary<String> text() {
        // Any well-formed text: every char except the surrogate range, plus pairs that form real code points.
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('\u0000', '\ud7ff')
                .withCharRange('\ue000', '\uffff').ofMaxLength(60);
        Arbitrary<String> astral = Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString);
        return Arbitraries.frequencyOf(Tuple.of(5, plain), Tuple.of(1, astral));
    }

    private Arbitrary<String> optionalText() {
        return text().injectNull(0.2);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2200-01-01T00:00:00Z").getEpochSecond())
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    private Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2200, 1, 1).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    /** Finite doubles, and the special values an aggregate could end up with (a mean over nothing is NaN). */
    private Arbitrary<Double> doubles() {
        return Arbitraries.doubles().withSpecialValue(0.0).withSpecialValue(-0.0).withSpecialValue(Double.NaN)
                .withSpecialValue(Double.POSITIVE_INFINITY).withSpecialValue(Double.NEGATIVE_INFINITY);
    }

    @Provide
    Arbitrary<Article> articles() {
        Arbitrary<Tuple.Tuple5<String, String, String, LocalDate, Article.DateSource>> head = Combinators.combine(
                text(), optionalText(), text(), dates().injectNull(0.1), Arbitraries.of(Article.DateSource.class))
                .as(Tuple::of);
        Arbitrary<Tuple.Tuple6<String, String, String, String, String, Instant>> tail = Combinators.combine(
                optionalText(), optionalText(), optionalText(), optionalText(), text(), instants())
                .as(Tuple::of);
        return Combinators.combine(head, tail).as((h, t) -> new Article(h.get1(), h.get2(), h.get3(), h.get4(),
                h.get5(), t.get1(), t.get2(), t.get3(), t.get4(), t.get5(), t.get6()));
    }

    private Arbitrary<Actor> actors() {
        return Combinators.combine(text(), Arbitraries.of(Actor.ActorType.class), optionalText(), text(), text())
                .as(Actor::new);
    }

    @Provide
    Arbitrary<Event> events() {
        Arbitrary<Span> spans = Combinators.combine(Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 1000)).as((s, len) -> new Span(s, s + len));
        Arbitrary<Tuple.Tuple6<String, String, Integer, String, Span, LocalDate>> where = Combinators.combine(
                text(), text(), Arbitraries.integers().between(0, 10_000), text(), spans, dates()).as(Tuple::of);
        Arbitrary<Tuple.Tuple5<Actor, Actor, String, String, Integer>> what = Combinators.combine(
                actors(), actors().injectNull(0.2), text(), text(), Arbitraries.integers().between(1, 4))
                .as(Tuple::of);
        Arbitrary<Tuple.Tuple5<Double, String, String, String, Instant>> rest = Combinators.combine(
                doubles(), text(), optionalText(), text(), instants()).as(Tuple::of);
        return Combinators.combine(where, what, rest).as((w, a, r) -> new Event(w.get1(), w.get2(), w.get3(),
                w.get4(), w.get5(), w.get6(), a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), r.get1(), r.get2(),
                r.get3(), r.get4(), r.get5()));
    }

    @Provide
    Arbitrary<DyadStance> dyadStances() {
        Arbitrary<java.util.Map<String, Long>> counts = Arbitraries.maps(text(), Arbitraries.longs()).ofMaxSize(6);
        Arbitrary<Tuple.Tuple6<String, String, Long, Long, Double, Double>> head = Combinators.combine(
                text(), text(), Arbitraries.longs(), Arbitraries.longs(), doubles(), doubles()).as(Tuple::of);
        Arbitrary<Tuple.Tuple4<java.util.Map<String, Long>, java.util.Map<String, Long>, Double, Double>> mid =
                Combinators.combine(counts, counts, doubles(), doubles()).as(Tuple::of);
        Arbitrary<Tuple.Tuple4<Instant, Instant, List<String>, Instant>> tail = Combinators.combine(
                instants().injectNull(0.1), instants().injectNull(0.1), text().list().ofMaxSize(10), instants())
                .as(Tuple::of);
        return Combinators.combine(head, mid, tail).as((h, m, t) -> new DyadStance(h.get1(), h.get2(), h.get3(),
                h.get4(), h.get5(), h.get6(), m.get1(), m.get2(), m.get3(), m.get4(), t.get1(), t.get2(), t.get3(),
                t.get4()));
    }

    @Provide
    Arbitrary<CountryStance> countryStances() {
        Arbitrary<CountryStance.Totals> totals = Combinators.combine(Arbitraries.longs(), doubles(), doubles())
                .as(CountryStance.Totals::new);
        return Combinators.combine(text(), totals, totals, Arbitraries.maps(text(), doubles()).ofMaxSize(8),
                instants()).as(CountryStance::new);
    }
}
