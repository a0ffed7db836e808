package org.parley.processor.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.parley.common.DyadStance;

/** What the dyad task publishes again after a restart, when a publication may have died with the last run. */
class StanceProcessorTest {
    private static final Instant LATEST = Instant.parse("2025-03-01T12:00:00Z");

    private static DyadStance row(String source, String target, Instant updatedAt) {
        return new DyadStance(source, target, 1, 1, 1.0, 1.0, Map.of("1", 1L), Map.of("04", 1L), 1.0, 1.0,
                LATEST, LATEST, List.of("e"), updatedAt);
    }

    private static MockProcessorContext<String, StanceUpdate> contextWithStores() {
        MockProcessorContext<String, StanceUpdate> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(LATEST.toEpochMilli());
        KeyValueStore<String, DyadStance> dyads = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StanceTopology.DYAD_STANCE_STORE), Serdes.String(),
                StanceSerdes.dyadStance()).withLoggingDisabled().build();
        KeyValueStore<String, DyadDay> days = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StanceTopology.DAILY_STANCE_STORE), Serdes.String(),
                StanceSerdes.dyadDay()).withLoggingDisabled().build();
        dyads.init(context.getStateStoreContext(), dyads);
        days.init(context.getStateStoreContext(), days);
        context.addStateStore(dyads);
        context.addStateStore(days);
        return context;
    }

    private static List<StanceUpdate> punctuate(MockProcessorContext<String, StanceUpdate> context, long at) {
        context.resetForwards();
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(at);
        return context.forwarded().stream().map(f -> (StanceUpdate) f.record().value()).toList();
    }

    private static Record<String, List<StanceEvent>> article(String id, String cameo) {
        return new Record<>(id, List.of(new StanceEvent(id + "-e", id, "RUS", "USA", LocalDate.parse("2025-03-01"),
                cameo, cameo.substring(0, 2), 1, 3.0)), 0L);
    }

    @Test
    void countrySharesGoOncePerIntervalWhileArticlesComeAndAtOnceWhenTheTaskIsIdle() {
        long t = LATEST.toEpochMilli();
        MockProcessorContext<String, StanceUpdate> context = contextWithStores();
        StanceProcessor p = new StanceProcessor(StanceSettings.defaults(), Clock.fixed(LATEST, ZoneOffset.UTC));
        p.init(context);
        assertThat(context.scheduledPunctuators()).hasSize(1);

        context.setCurrentSystemTimeMs(t);
        p.process(article("a1", "040"));
        assertThat(punctuate(context, t + 50)).hasOnlyElementsOfTypes(StanceUpdate.Dyad.class,
                StanceUpdate.Share.class).hasAtLeastOneElementOfType(StanceUpdate.Share.class);

        context.setCurrentSystemTimeMs(t + 60);
        p.process(article("a2", "111"));
        assertThat(punctuate(context, t + 110)).as("busy, and the last shares went 60 ms ago")
                .hasOnlyElementsOfType(StanceUpdate.Dyad.class);
        List<StanceUpdate> idle = punctuate(context, t + 300);
        assertThat(idle).as("idle: the shares changed since go now").hasSize(2)
                .allSatisfy(u -> assertThat(u).isInstanceOf(StanceUpdate.Share.class));
        assertThat(idle).extracting(u -> ((StanceUpdate.Share) u).share().code()).containsExactly("RUS", "USA");
        assertThat(((StanceUpdate.Share) idle.get(0)).share().sourceEvents()).isEqualTo(2);
    }

    @Test
    void afterARestartRowsChangedShortlyBeforeTheLatestChangeArePublishedAgainAndOlderOnesNot() {
        MockProcessorContext<String, StanceUpdate> context = contextWithStores();
        KeyValueStore<String, DyadStance> dyads = context.getStateStore(StanceTopology.DYAD_STANCE_STORE);
        dyads.put("RUS->USA", row("RUS", "USA", LATEST));
        dyads.put("USA->RUS", row("USA", "RUS", LATEST.minusSeconds(30)));
        dyads.put("FRA->DEU", row("FRA", "DEU", LATEST.minus(StanceProcessor.REPUBLISH_MARGIN).minusSeconds(1)));

        new StanceProcessor(StanceSettings.defaults(), Clock.fixed(LATEST, ZoneOffset.UTC)).init(context);
        var dyadSchedule = context.scheduledPunctuators().stream()
                .filter(p -> p.getInterval().equals(StanceProcessor.DYAD_INTERVAL)).findFirst().orElseThrow();
        dyadSchedule.getPunctuator().punctuate(LATEST.toEpochMilli());
        List<String> published = context.forwarded().stream().filter(f -> f.record().value()
                instanceof StanceUpdate.Dyad).map(f -> (String) f.record().key()).toList();
        assertThat(published).containsExactlyInAnyOrder("RUS->USA", "USA->RUS");

        context.resetForwards();
        dyadSchedule.getPunctuator().punctuate(LATEST.plus(Duration.ofSeconds(1)).toEpochMilli());
        assertThat(context.forwarded()).isEmpty();
    }
}
