package org.parley.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Event;
import org.parley.common.Span;

class JsonSerdeTest {
    private final JsonSerde<Event> serde = JsonSerde.of(Event.class);

    private static Event event() {
        return new Event("e1", "a1", 2, "Russia and the United States held talks.", new Span(10, 52),
                LocalDate.of(2025, 2, 27),
                new Actor("RUS", Actor.ActorType.STATE, "GOV", "Russia", "Russia"),
                new Actor("USA", Actor.ActorType.STATE, null, "United States", "the United States"),
                "046", "04", 1, 7.0, "CONSULT", "Istanbul", "consult.hold-talks", Instant.parse("2025-02-28T10:00:00Z"));
    }

    @Test
    void eventsRoundTripAndKeepTheContractFieldNames() {
        byte[] bytes = serde.serializer().serialize("t", event());
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json).contains("\"cameo\":\"046\"", "\"root\":\"04\"", "\"quadClass\":1", "\"date\":\"2025-02-27\"",
                "\"code\":\"RUS\"", "\"type\":\"STATE\"", "\"rule\":\"consult.hold-talks\"");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(event());
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() {
        String json = new String(serde.toBytes(event()), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"extra\":1,");
        assertThat(serde.fromBytes(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event());
    }

    @Test
    void garbageFailsWithASerializationExceptionNamingTheType() {
        assertThatThrownBy(() -> serde.fromBytes("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Event");
        assertThatThrownBy(() -> serde.fromBytes("null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void quadClassFollowsTheGdeltConvention() {
        assertThat(Event.quadClassOfRoot("01")).isEqualTo(1);
        assertThat(Event.quadClassOfRoot("05")).isEqualTo(1);
        assertThat(Event.quadClassOfRoot("06")).isEqualTo(2);
        assertThat(Event.quadClassOfRoot("09")).isEqualTo(2);
        assertThat(Event.quadClassOfRoot("10")).isEqualTo(3);
        assertThat(Event.quadClassOfRoot("14")).isEqualTo(3);
        assertThat(Event.quadClassOfRoot("15")).isEqualTo(4);
        assertThat(Event.quadClassOfRoot("20")).isEqualTo(4);
        assertThatThrownBy(() -> Event.quadClassOfRoot("21")).isInstanceOf(IllegalArgumentException.class);
    }
}
