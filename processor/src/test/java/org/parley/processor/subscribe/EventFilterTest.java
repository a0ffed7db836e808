package org.parley.processor.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.parley.contracts.ParleyEnv;

class EventFilterTest {
    private static RecordHeaders headers(String source, String target, String root, int quad) {
        RecordHeaders h = new RecordHeaders();
        h.add("source", source.getBytes(StandardCharsets.UTF_8));
        if (target != null) {
            h.add("target", target.getBytes(StandardCharsets.UTF_8));
        }
        h.add("root", root.getBytes(StandardCharsets.UTF_8));
        h.add("quadClass", Integer.toString(quad).getBytes(StandardCharsets.UTF_8));
        return h;
    }

    @Test
    void countryMatchesEitherSideAndEveryTermMustHold() {
        EventFilter f = EventFilter.parse("country:RUS, quad:4");
        assertThat(f.matches(headers("RUS", "UKR", "19", 4))).isTrue();
        assertThat(f.matches(headers("UKR", "RUS", "19", 4))).isTrue();
        assertThat(f.matches(headers("UKR", "RUS", "04", 1))).isFalse();
        assertThat(f.matches(headers("USA", "UKR", "19", 4))).isFalse();
    }

    @Test
    void dyadIsDirectedAndAlternativesAreOred() {
        EventFilter f = EventFilter.parse("dyad:rus:ukr,quad:3|4");
        assertThat(f.matches(headers("RUS", "UKR", "12", 3))).isTrue();
        assertThat(f.matches(headers("UKR", "RUS", "12", 3))).isFalse();
        assertThat(f.matches(headers("RUS", null, "12", 3))).isFalse();
        assertThat(EventFilter.of(null, null, "4", null).matches(headers("A", "B", "04", 1))).isTrue();
    }

    @Test
    void textFormRoundTrips() {
        EventFilter f = EventFilter.parse("country:RUS|USA,dyad:RUS:UKR,root:19,quad:4");
        assertThat(EventFilter.parse(f.toString())).isEqualTo(f);
    }

    @Test
    void badFiltersSayWhatIsWrong() {
        assertThatThrownBy(() -> EventFilter.parse("colour:red")).hasMessageContaining("unknown filter key 'colour'");
        assertThatThrownBy(() -> EventFilter.parse("quad:7")).hasMessageContaining("1..4");
        assertThatThrownBy(() -> EventFilter.parse("root:25")).hasMessageContaining("01..20");
        assertThatThrownBy(() -> EventFilter.parse("dyad:RUS")).hasMessageContaining("SOURCE:TARGET");
        assertThatThrownBy(() -> EventFilter.parse("country:!!!")).hasMessageContaining("not an actor code");
        assertThatThrownBy(() -> EventFilter.of(null, "RUS:?", null, null)).hasMessageContaining("not an actor code");
        assertThatThrownBy(() -> DerivedTopic.parseAll("a=country:RUS;a=quad:1")).hasMessageContaining("twice");
        assertThatThrownBy(() -> DerivedTopic.parseAll("nofilter")).hasMessageContaining("NAME=FILTER");
    }

    @Test
    void derivedTopicsParseFromTheEnvironment() {
        var topics = DerivedTopic.fromEnv(ParleyEnv.of(java.util.Map.of(DerivedTopic.ENV,
                "rus-conflict=country:RUS,quad:4; usa-chn=dyad:USA:CHN")));
        assertThat(topics).extracting(DerivedTopic::name).containsExactly("rus-conflict", "usa-chn");
        assertThat(topics.get(1).filter().dyads()).containsExactly("USA->CHN");
    }
}
