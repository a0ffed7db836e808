package org.parley.processor.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.parley.common.DyadStance;

/**
 * The binary serdes of the stance stores: every value comes back equal, and any other bytes give a value or a
 * {@link SerializationException} (the one exception Streams dead-letters), never anything else.
 */
class StanceSerdesTest {
    private static final List<CompactSerde<?>> ALL = List.of(StanceSerdes.stanceEvent(),
            StanceSerdes.stanceEvents(), StanceSerdes.dyadDay(), StanceSerdes.dyadStance(), StanceSerdes.share(),
            StanceSerdes.countryState());

    @Property(tries = 300)
    void stanceEventsRoundTrip(@ForAll("stanceEvents") StanceEvent e) {
        assertThat(StanceSerdes.stanceEvent().fromBytes(StanceSerdes.stanceEvent().toBytes(e))).isEqualTo(e);
    }

    @Property(tries = 200)
    void stanceEventListsRoundTrip(@ForAll("stanceEventLists") List<StanceEvent> events) {
        assertThat(StanceSerdes.stanceEvents().fromBytes(StanceSerdes.stanceEvents().toBytes(events)))
                .isEqualTo(events);
    }

    @Property(tries = 300)
    void dyadDaysRoundTrip(@ForAll("dyadStances") DyadStance d, @ForAll("codeLists") List<String> codes) {
        Map<String, Long> mentions = new java.util.TreeMap<>();
        codes.forEach(c -> mentions.merge(c, 1L, Long::sum));
        DyadDay day = new DyadDay(d, mentions);
        assertThat(StanceSerdes.dyadDay().fromBytes(StanceSerdes.dyadDay().toBytes(day))).isEqualTo(day);
    }

    @Property(tries = 200)
    void sharesRoundTrip(@ForAll("countryStates") CountryAggregator.State s, @ForAll("counts") long partition) {
        StanceUpdate.Share share = new StanceUpdate.Share((int) (partition % 1000), s);
        assertThat(StanceSerdes.share().fromBytes(StanceSerdes.share().toBytes(share))).isEqualTo(share);
    }

    @Property(tries = 300)
    void dyadStancesRoundTrip(@ForAll("dyadStances") DyadStance d) {
        assertThat(StanceSerdes.dyadStance().fromBytes(StanceSerdes.dyadStance().toBytes(d))).isEqualTo(d);
    }

    @Property(tries = 300)
    void countryStatesRoundTrip(@ForAll("countryStates") CountryAggregator.State s) {
        assertThat(StanceSerdes.countryState().fromBytes(StanceSerdes.countryState().toBytes(s))).isEqualTo(s);
    }

    @Property(tries = 1000)
    void arbitraryBytesGiveAValueOrASerializationException(@ForAll byte[] bytes) {
        for (CompactSerde<?> serde : ALL) {
            try {
                serde.fromBytes(bytes);
            } catch (SerializationException expected) {
                assertThat(expected).hasMessageContaining("value");
            }
        }
    }

    @Property(tries = 300)
    void everyTruncationOfAValidValueIsRefusedByName(@ForAll("countryStates") CountryAggregator.State s) {
        byte[] full = StanceSerdes.countryState().toBytes(s);
        for (int cut = 0; cut < full.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(full, cut);
            assertThatThrownBy(() -> StanceSerdes.countryState().fromBytes(part))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("CountryAggregator.State");
        }
    }

    @Test
    void aValueOfAnotherFormatVersionIsRefusedWithTheReason() {
        byte[] bytes = StanceSerdes.share().toBytes(
                new StanceUpdate.Share(1, CountryAggregator.State.empty("USA")));
        bytes[0] = 7;
        assertThatThrownBy(() -> StanceSerdes.share().fromBytes(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Share").hasMessageContaining("format byte 7");
    }

    @Test
    void jsonWrittenByAnOlderVersionIsRefusedNotMisread() {
        byte[] json = "{\"asSource\":true,\"counterpart\":\"USA\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StanceSerdes.share().fromBytes(json))
                .isInstanceOf(SerializationException.class);
    }

    @Provide
    Arbitrary<String> codes() {
        // Non-ASCII letters too: writeUTF encodes them in two or three bytes.
        return Arbitraries.strings().withCharRange('A', 'Z').withChars('\u00c4', '\u00e9', '\u4e2d')
                .ofMinLength(1).ofMaxLength(3);
    }

    @Provide
    Arbitrary<Long> counts() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    @Provide
    Arbitrary<Double> scores() {
        return Arbitraries.doubles().between(-10, 10).withSpecialValue(Double.NaN).withSpecialValue(-0.0);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Provide
    Arbitrary<List<String>> codeLists() {
        return codes().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<StanceEvent> stanceEvents() {
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(-100_000, 100_000).map(LocalDate::ofEpochDay);
        return Combinators.combine(codes(), codes(), codes(), codes(), dates, codes(), codes(),
                Arbitraries.integers().between(1, 4)).as((id, a, s, t, d, c, r, q) ->
                        new StanceEvent(id, a, s, t, d, c, r, q, 0.0))
                .flatMap(e -> scores().map(g -> new StanceEvent(e.id(), e.articleId(), e.source(), e.target(),
                        e.date(), e.cameo(), e.root(), e.quadClass(), g)));
    }

    @Provide
    Arbitrary<List<StanceEvent>> stanceEventLists() {
        return stanceEvents().list().ofMaxSize(15);
    }

    @Provide
    Arbitrary<DyadStance> dyadStances() {
        Arbitrary<Map<String, Long>> counts = Arbitraries.maps(codes(), counts()).ofMaxSize(20);
        Arbitrary<Instant> maybe = instants().injectNull(0.2);
        return Combinators.combine(codes().injectNull(0.1), codes(), counts(), counts(), scores(), counts, counts,
                maybe).as((s, t, ev, me, g, q, r, first) -> new DyadStance(s, t, ev, me, g, g / 2, q, r, 0.5, g,
                        first, first, List.of(), null))
                .flatMap(d -> Combinators.combine(codeLists(), maybe).as((ids, at) -> new DyadStance(d.source(),
                        d.target(), d.events(), d.mentions(), d.goldsteinSum(), d.goldsteinMean(), d.quadCounts(),
                        d.rootCounts(), d.cooperationShare(), d.stance(), d.firstEventTime(), at, ids, at)));
    }

    @Provide
    Arbitrary<CountryAggregator.State> countryStates() {
        Arbitrary<DecayedScore> score = Combinators.combine(scores(), instants().injectNull(0.3))
                .as(DecayedScore::new);
        return Combinators.combine(codes(), counts(), scores(), score, counts(), scores(), score,
                Arbitraries.maps(codes(), score).ofMaxSize(30))
                .as(CountryAggregator.State::new);
    }
}
