package org.parley.sink.gdelt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Actor.ActorType;
import org.parley.common.Event;
import org.parley.common.Span;

class GdeltRowTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:34:56Z");

    /** The Event example of docs/topics.md. */
    private static Event documented() {
        return new Event("9f2c1b7e40a3d512", "5d88cda59b529f56", 0,
                "Russia and the United States held another round of negotiations", new Span(0, 131),
                LocalDate.of(2025, 2, 27),
                new Actor("RUS", ActorType.STATE, null, "Russia", "Russia"),
                new Actor("USA", ActorType.STATE, null, "United States", "the United States"),
                "046", "04", 1, 7.0, "CONSULT", "Istanbul", "consult.negotiations",
                Instant.parse("2025-02-28T10:00:00Z"));
    }

    private static Map<String, String> byName(List<String> fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            m.put(GdeltRow.COLUMNS.get(i), fields.get(i));
        }
        return m;
    }

    /**
     * The GDELT 2.0 event table's column count (GDELT 2.0 Event Codebook; ../shared/reference lists them), here so
     * that the size check runs in every checkout, with or without the shared reference beside it.
     */
    private static final int GDELT_2_EVENT_COLUMNS = 61;

    @Test
    void thereAreGdeltsSixtyOneColumnsEachOnceFromGlobalEventIdToSourceUrl() {
        assertThat(GdeltRow.COLUMNS).hasSize(GDELT_2_EVENT_COLUMNS).doesNotHaveDuplicates();
        assertThat(GdeltRow.COLUMNS.get(0)).isEqualTo("GLOBALEVENTID");
        assertThat(GdeltRow.COLUMNS.subList(GDELT_2_EVENT_COLUMNS - 2, GDELT_2_EVENT_COLUMNS))
                .containsExactly("DATEADDED", "SOURCEURL");
        assertThat(GdeltRow.fields(documented(), NOW)).hasSize(GDELT_2_EVENT_COLUMNS);
    }

    @Test
    void theColumnsAreGdeltsInItsOrder() throws Exception {
        // The reference list lives beside the project (../shared), read in place, never copied in.
        Path columns = Path.of("..", "..", "shared", "reference", "gdelt-2.0-event-columns.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(columns),
                "the shared GDELT column reference is not beside this checkout (the column count is checked "
                        + "without it, by thereAreGdeltsSixtyOneColumnsEachOnceFromGlobalEventIdToSourceUrl)");
        List<String> reference = Files.readAllLines(columns).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(reference).hasSize(GDELT_2_EVENT_COLUMNS);
        assertThat(GdeltRow.COLUMNS).containsExactlyElementsOf(reference);
    }

    @Test
    void sourceUrlIsTheArticleUrlWhenTheInputHadOne() {
        Event e = documented();
        Event withUrl = new Event(e.id(), e.articleId(), e.sentenceIndex(), e.sentence(), e.span(), e.date(),
                e.source(), e.target(), e.cameo(), e.root(), e.quadClass(), e.goldstein(), e.plover(), e.location(),
                e.rule(), e.ingestedAt(), e.dateFrom(), "Talks in Istanbul", "https://example.org/news/talks\t1");
        assertThat(byName(GdeltRow.fields(withUrl, NOW)).get("SOURCEURL"))
                .isEqualTo("https://example.org/news/talks 1");
        assertThat(byName(GdeltRow.fields(e, NOW)).get("SOURCEURL")).as("no URL: the article id")
                .isEqualTo(e.articleId());
    }

    @Test
    void theDocumentedEventMapsColumnByColumn() {
        Map<String, String> row = byName(GdeltRow.fields(documented(), NOW));
        assertThat(row).contains(
                entry("GLOBALEVENTID", "675787175229361562"), // SHA-256 prefix, computed independently
                entry("SQLDATE", "20250227"), entry("MonthYear", "202502"), entry("Year", "2025"),
                entry("FractionDate", "2025.1562"), // (1 * 30 + 27) / 365
                entry("Actor1Code", "RUS"), entry("Actor1Name", "RUSSIA"), entry("Actor1CountryCode", "RUS"),
                entry("Actor1KnownGroupCode", ""), entry("Actor1Type1Code", ""),
                entry("Actor2Code", "USA"), entry("Actor2Name", "UNITED STATES"), entry("Actor2CountryCode", "USA"),
                entry("IsRootEvent", "1"),
                entry("EventCode", "046"), entry("EventBaseCode", "046"), entry("EventRootCode", "04"),
                entry("QuadClass", "1"), entry("GoldsteinScale", "7.0"),
                entry("NumMentions", "1"), entry("NumSources", "1"), entry("NumArticles", "1"), entry("AvgTone", ""),
                entry("ActionGeo_FullName", "Istanbul"), entry("ActionGeo_Type", ""), entry("ActionGeo_Lat", ""),
                entry("Actor1Geo_FullName", ""), entry("Actor2Geo_FullName", ""),
                entry("DATEADDED", "20250228100000"), entry("SOURCEURL", "5d88cda59b529f56"));
        // Everything GDELT has and Parley does not is empty.
        for (String empty : List.of("Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
                "Actor1Type2Code", "Actor1Type3Code", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Type3Code",
                "Actor1Geo_Type", "Actor2Geo_Lat", "ActionGeo_CountryCode", "ActionGeo_FeatureID")) {
            assertThat(row.get(empty)).as(empty).isEmpty();
        }
    }

    @Test
    void rolesGroupsUnknownCountriesAndLevelThreeCodes() {
        Event e = new Event("x", "a", 3, "s", new Span(0, 1), LocalDate.of(2024, 12, 31),
                new Actor(Actor.UNKNOWN_COUNTRY, ActorType.STATE, "COP", "police", "police"),
                new Actor("NATO", ActorType.IGO, "MIL", "NATO", "NATO forces"),
                "0874", "08", 2, -2.5, "AID", null, "r", null);
        Map<String, String> row = byName(GdeltRow.fields(e, NOW));
        assertThat(row).contains(
                entry("Actor1Code", "COP"), entry("Actor1CountryCode", ""), entry("Actor1Type1Code", "COP"),
                entry("Actor2Code", "NATOMIL"), entry("Actor2CountryCode", ""), entry("Actor2KnownGroupCode", "NATO"),
                entry("Actor2Type1Code", "MIL"),
                entry("IsRootEvent", "0"), entry("EventCode", "0874"), entry("EventBaseCode", "087"),
                entry("EventRootCode", "08"), entry("QuadClass", "2"), entry("GoldsteinScale", "-2.5"),
                entry("ActionGeo_FullName", ""),
                // no ingestedAt: the time the row was added
                entry("DATEADDED", "20261126123456"),
                // every month counts 30 days, leap year or not: (11 * 30 + 31) / 365
                entry("SQLDATE", "20241231"), entry("FractionDate", "2024.9890"));
    }

    @Test
    void anEventWithoutTargetHasEmptyActor2Columns() {
        Event e = documented();
        Event noTarget = new Event(e.id(), e.articleId(), 0, e.sentence(), e.span(), e.date(), e.source(), null,
                "010", "01", 1, 0.0, "STATEMENT", null, "r", e.ingestedAt());
        Map<String, String> row = byName(GdeltRow.fields(noTarget, NOW));
        assertThat(row.entrySet()).filteredOn(en -> en.getKey().startsWith("Actor2"))
                .hasSize(18).allSatisfy(en -> assertThat(en.getValue()).as(en.getKey()).isEmpty());
        assertThat(row.get("GoldsteinScale")).isEqualTo("0.0");
    }

    @Test
    void fractionDateAgreesWithPublishedGdeltRows() {
        // GDELT 2.0 rows of 2014-04-07 and 2015-02-18 carry 2014.2658 and 2015.1315: months of 30 days.
        assertThat(GdeltRow.fractionDate(LocalDate.of(2014, 4, 7))).isEqualTo("2014.2658");
        assertThat(GdeltRow.fractionDate(LocalDate.of(2015, 2, 18))).isEqualTo("2015.1315");
        assertThat(GdeltRow.fractionDate(LocalDate.of(1979, 1, 1))).isEqualTo("1979.0027");
        assertThat(GdeltRow.fractionDate(LocalDate.of(2025, 12, 31))).isEqualTo("2025.9890");
    }

    @Test
    void everyRowIsOneLineOfExactly61FieldsWhateverTheText() {
        String nasty = "a\tb\nc\rd\u2028e\u2029f\u0085g\u000Bh\u0000i";
        Event e = new Event("id\twith\ttabs", "art\nicle", 5, nasty, new Span(0, 1), null,
                new Actor("RUS", ActorType.STATE, "G\tOV", nasty, nasty),
                new Actor("USA", null, null, nasty, nasty),
                "04\t6", null, 0, Double.NaN, null, nasty, null, null);
        String line = GdeltRow.line(e, NOW);
        assertThat(line).endsWith("\n");
        String body = line.substring(0, line.length() - 1);
        assertThat(body).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085", "\u000B", "\u0000");
        assertThat(body.split("\t", -1)).hasSize(GDELT_2_EVENT_COLUMNS);
        assertThat(body.lines()).hasSize(1);
        Map<String, String> row = byName(GdeltRow.fields(e, NOW));
        assertThat(row.get("ActionGeo_FullName")).isEqualTo("a b c d e f g h i");
        assertThat(row.get("SQLDATE")).as("no event date: the day it was added").isEqualTo("20261126");
        assertThat(row.get("QuadClass")).isEmpty();
        assertThat(row.get("GoldsteinScale")).isEmpty();
        assertThat(row.get("Actor2CountryCode")).as("a 3-letter code of unknown type is a country").isEqualTo("USA");
    }

    @Test
    void globalEventIdsAreStableNonNegativeAndDistinct() {
        assertThat(GdeltRow.globalEventId("e1")).isEqualTo(818745696460766514L); // computed independently
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            long id = GdeltRow.globalEventId("event-" + i);
            assertThat(id).isNotNegative().isEqualTo(GdeltRow.globalEventId("event-" + i));
            seen.add(id);
        }
        assertThat(seen).hasSize(50_000);
    }
}
