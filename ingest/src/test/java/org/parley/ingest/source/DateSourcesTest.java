package org.parley.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each kind of source keeps its date, and the name each is recorded under. */
class DateSourcesTest {
    private static final String P = "<p>The foreign ministers met in Geneva on Tuesday and agreed to resume talks.</p>";

    @TempDir
    Path dir;

    private static Draft html(String head, String body) {
        return HtmlExtractor.extract("<html><head>" + head + "</head><body>" + body + "</body></html>", "p.html",
                null);
    }

    @Test
    void htmlMetaTagsComeFirstThenJsonLdThenTheTimeTag() {
        String time = "<article><time datetime=\"2025-02-25T09:00:00+03:00\">25 Feb</time>" + P + "</article>";
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\": \"2025-02-26T08:00:00Z\"}</script>";
        String meta = "<meta property=\"article:published_time\" content=\"2025-02-27T23:30:00-05:00\">";

        assertThat(html(meta + ld, time)).extracting(Draft::metadataDate, Draft::dateFrom)
                .containsExactly(LocalDate.of(2025, 2, 27), "html-meta");
        assertThat(html(ld, time)).extracting(Draft::metadataDate, Draft::dateFrom)
                .containsExactly(LocalDate.of(2025, 2, 26), "json-ld");
        assertThat(html("", time)).extracting(Draft::metadataDate, Draft::dateFrom)
                .containsExactly(LocalDate.of(2025, 2, 25), "time-tag");
        assertThat(html("", "<div>" + P + "</div>")).extracting(Draft::metadataDate, Draft::dateFrom)
                .containsExactly(null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<meta name=\"pubdate\" content=\"2025-02-27\">|2025-02-27",
        "<meta name=\"DC.date\" content=\"2025/02/27\">|2025-02-27",
        "<meta property=\"og:published_time\" content=\"2025-02-27T10:00:00Z\">|2025-02-27",
        "<meta itemprop=\"datePublished\" content=\"Thu, 27 Feb 2025 10:00:00 GMT\">|2025-02-27",
    })
    void commonMetaTagsAreRead(String tag, String expected) {
        assertThat(html(tag, P)).extracting(Draft::metadataDate, Draft::dateFrom)
                .containsExactly(LocalDate.parse(expected), "html-meta");
    }

    @Test
    void anUnreadableMetaDateFallsThroughToTheNextSource() {
        assertThat(html("<meta name=\"date\" content=\"last Tuesday\">",
                "<time datetime=\"2025-02-25\">x</time>" + P)).extracting(Draft::metadataDate, Draft::dateFrom)
                .containsExactly(LocalDate.of(2025, 2, 25), "time-tag");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"text\":\"t\",\"date\":\"2025-02-27\"}|2025-02-27",
        "{\"text\":\"t\",\"published\":\"2025-02-27T10:00:00Z\"}|2025-02-27",
        "{\"text\":\"t\",\"publishedAt\":\"2025-02-27T10:00:00+01:00\"}|2025-02-27",
        "{\"text\":\"t\",\"published_at\":1740650400}|2025-02-27",
        "{\"text\":\"t\",\"pubDate\":\"Thu, 27 Feb 2025 10:00:00 GMT\"}|2025-02-27",
        "{\"text\":\"t\",\"date\":\"2025-02-27\",\"published\":\"2024-01-01\"}|2025-02-27",
    })
    void jsonDateFieldsAreRead(String json, String expected) throws BadInputException {
        assertThat(JsonRecords.parse(json, "a.json", Format.JSON, null))
                .extracting(Draft::metadataDate, Draft::dateFrom).containsExactly(LocalDate.parse(expected), "json");
    }

    @Test
    void aJsonDateThatCannotBeReadIsRejectedNotReplaced() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonRecords.parse(
                        "{\"text\":\"t\",\"published\":\"soon\"}", "a.json", Format.JSON, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("field \"published\" is not a date");
    }

    @Test
    void aSidecarDatesATextFileAndIsNotReadOnItsOwn() throws IOException {
        Path txt = Files.writeString(dir.resolve("a.txt"), "Ministers met in Geneva and agreed to resume talks.");
        Files.writeString(dir.resolve("a.meta.json"), "{\"date\":\"2025-02-28\",\"source\":\"Izvestia\","
                + "\"url\":\"https://example.org/a\"}", StandardCharsets.UTF_8);

        Collected c = new Collected();
        new InputReader(10_000).read(List.of(dir), null, c);

        assertThat(c.bad).isEmpty();
        assertThat(c.drafts).singleElement().satisfies(d -> {
            assertThat(d.origin()).isEqualTo(txt.toString());
            assertThat(d.metadataDate()).isEqualTo(LocalDate.of(2025, 2, 28));
            assertThat(d.dateFrom()).isEqualTo("sidecar");
            assertThat(d.source()).isEqualTo("Izvestia");
            assertThat(d.url()).isEqualTo("https://example.org/a");
        });
    }

    @Test
    void thePagesOwnDateWinsOverItsSidecarAndABadSidecarRejectsTheArticle() throws IOException {
        Files.writeString(dir.resolve("p.html"), "<html><head><meta name=\"date\" content=\"2025-02-27\"></head>"
                + "<body>" + P + "</body></html>");
        Files.writeString(dir.resolve("p.meta.json"), "{\"date\":\"2025-02-28\"}");
        Files.writeString(dir.resolve("q.txt"), "Ministers met in Geneva and agreed to resume talks.");
        Files.writeString(dir.resolve("q.meta.json"), "{\"date\":\"someday\"}");

        Collected c = new Collected();
        new InputReader(10_000).read(List.of(dir), null, c);

        assertThat(c.drafts).singleElement().extracting(Draft::metadataDate, Draft::dateFrom)
                .containsExactly(LocalDate.of(2025, 2, 27), "html-meta");
        assertThat(c.bad).singleElement().satisfies(b -> {
            assertThat(b.origin()).endsWith("q.txt");
            assertThat(b.reason()).startsWith("sidecar q.meta.json: field \"date\" is not a date");
        });
    }
}
