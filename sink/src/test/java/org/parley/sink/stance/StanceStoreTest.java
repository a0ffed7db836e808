package org.parley.sink.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.sink.TestData.country;
import static org.parley.sink.TestData.dyad;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.Json;
import org.parley.sink.files.OutDir;

class StanceStoreTest {
    @TempDir
    Path root;

    @Test
    void writesLatestValuePerKeyAsPrettyJsonAndLoadsItBack() throws IOException {
        OutDir out = new OutDir(root);
        StanceStore s = StanceStore.load(out);
        s.putDyad("RUS->USA", dyad("RUS", "USA", 1));
        s.putDyad("RUS->USA", dyad("RUS", "USA", 2));
        s.putDyad("USA->RUS", dyad("USA", "RUS", 1));
        s.putCountry("RUS", country("RUS", 3));
        s.putDaily(DailyKey.parse("RUS->USA@2026-11-25"), dyad("RUS", "USA", 1));
        s.putDaily(DailyKey.parse("USA->RUS@2026-11-25"), dyad("USA", "RUS", 1));
        s.putDaily(DailyKey.parse("RUS->USA@2026-11-26"), dyad("RUS", "USA", 1));

        assertThat(s.flush()).isEqualTo(4);
        assertThat(s.flush()).isZero();
        assertThat(s.files()).isEqualTo(4);

        Path dyads = root.resolve("stance/dyads.json");
        assertThat(Files.readString(dyads)).contains("\n");
        JsonNode tree = Json.mapper().readTree(dyads.toFile());
        assertThat(tree.get("RUS->USA").get("events").asLong()).isEqualTo(2);
        assertThat(Json.mapper().readTree(root.resolve("stance/daily/2026-11-25.json").toFile()).size())
                .isEqualTo(2);

        StanceStore again = StanceStore.load(out);
        assertThat(again.dyads()).isEqualTo(s.dyads());
        assertThat(again.countries()).isEqualTo(s.countries());
        assertThat(again.day(LocalDate.of(2026, 11, 25))).isEqualTo(s.day(LocalDate.of(2026, 11, 25)));
        assertThat(again.unreadable()).isEmpty();
    }

    @Test
    void aNullValueRemovesTheKey() {
        StanceStore s = StanceStore.load(new OutDir(root));
        s.putDyad("RUS->USA", dyad("RUS", "USA", 1));
        s.putDyad("USA->RUS", dyad("USA", "RUS", 1));
        s.flush();
        s.putDyad("RUS->USA", null);
        assertThat(s.flush()).isEqualTo(1);

        assertThat(StanceStore.load(new OutDir(root)).dyads()).containsOnlyKeys("USA->RUS");
    }

    @Test
    void anUnreadableSnapshotIsMovedAsideAndReported() throws IOException {
        Files.createDirectories(root.resolve("stance/daily"));
        Files.writeString(root.resolve("stance/countries.json"), "{\"RUS\": {");
        Files.writeString(root.resolve("stance/daily/not-a-date.json"), "{}");

        StanceStore s = StanceStore.load(new OutDir(root));

        assertThat(s.unreadable()).containsExactly(StanceStore.Snapshot.COUNTRIES);
        assertThat(s.countries()).isEmpty();
        assertThat(root.resolve("stance/countries.json.unreadable")).exists();
        assertThat(root.resolve("stance/countries.json")).doesNotExist();
        assertThat(s.missing()).contains(StanceStore.Snapshot.COUNTRIES);
    }

    @Test
    void reportsWhichSnapshotsHaveNoFile() {
        StanceStore s = StanceStore.load(new OutDir(root));
        assertThat(s.missing()).containsExactly(StanceStore.Snapshot.DYADS, StanceStore.Snapshot.COUNTRIES,
                StanceStore.Snapshot.DAILY);
        s.putDyad("RUS->USA", dyad("RUS", "USA", 1));
        s.putDaily(DailyKey.parse("RUS->USA@2026-11-25"), dyad("RUS", "USA", 1));
        s.flush();
        assertThat(StanceStore.load(new OutDir(root)).missing()).containsExactly(StanceStore.Snapshot.COUNTRIES);
    }
}
