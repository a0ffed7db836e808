package org.parley.ingest.date;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateFinderTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    private static Optional<DateFinder.Found> find(String text) {
        return DateFinder.find(text, TODAY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MOSCOW, Feb. 27 (Reuters) - Russia and the United States held talks.|2025-02-27",
        "WASHINGTON, February 27, 2024 /TASS/. The sides met.|2024-02-27",
        "Geneva, 3 March - The ministers met.|2025-03-03",
        "SAN JOSE, Costa Rica, Jan 5 (AP) — The presidents met.|2025-01-05",
        "ISTANBUL, March 9 (AFP) – Delegations met for six hours.|2025-03-09",
    })
    void aDatelineDatesTheArticle(String text, String expected) {
        assertThat(find(text)).contains(new DateFinder.Found(LocalDate.parse(expected), "dateline"));
    }

    @Test
    void aDatelineWithoutAYearIsTheLatestSuchDayNotAfterToday() {
        // 12 December has not come yet in 2025 on 10 March: the dateline is last year's.
        assertThat(find("KYIV, Dec. 12 (Reuters) - Talks stalled.").map(DateFinder.Found::date))
                .contains(LocalDate.of(2024, 12, 12));
        assertThat(find("KYIV, March 10 (Reuters) - Talks stalled.").map(DateFinder.Found::date)).contains(TODAY);
    }

    @Test
    void theLatestFullDateOfTheOpeningParagraphsDatesTheArticle() {
        String text = "The treaty signed on 12 May 2019 was discussed again.\n\n"
                + "Talks held on February 27, 2025 in Istanbul followed a meeting on 2025-02-18 in Riyadh.";
        assertThat(find(text)).contains(new DateFinder.Found(LocalDate.of(2025, 2, 27), "text"));
    }

    @Test
    void aDatelineWinsOverALaterDateInTheText() {
        String text = "PARIS, Feb. 3 (Reuters) - Ministers agreed on March 1, 2025 to meet again.";
        assertThat(find(text)).contains(new DateFinder.Found(LocalDate.of(2025, 2, 3), "dateline"));
    }

    @Test
    void datesAfterTodayAreRejected() {
        // A plan, not the day of publication: the earlier date is taken.
        assertThat(find("On 1 March 2025 the ministers agreed that talks resume on March 3, 2030."))
                .contains(new DateFinder.Found(LocalDate.of(2025, 3, 1), "text"));
        assertThat(find("Talks resume on 2026-01-15.")).isEmpty();
        // A dateline with a year still to come is no dateline; the text's own past date is used.
        assertThat(find("BERLIN, March 3, 2031 - It was agreed on 2 March 2025.")).contains(
                new DateFinder.Found(LocalDate.of(2025, 3, 2), "text"));
        assertThat(find("Yesterday was 11 March 2025.")).isEmpty();
    }

    @Test
    void onlyTheOpeningParagraphsAreRead() {
        String text = "Ministers met.\n\nThey talked.\n\nThey parted.\n\nEarlier, on 4 February 2025, they had met.";
        assertThat(find(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "  ",
        "The meeting was held in Istanbul on February 27, where the speaker arrived.",  // no year
        "Talks on February 30, 2025 and on 2025-13-01 and 31 April 2024.",               // no such days
        "In 2014, 2018 and 2022 decrees were signed.",                                    // years alone
        "Version 2025-2-3 of the plan.",
        "Russia and the United States held another round of negotiations - in Istanbul.",
    })
    void textWithoutAFullValidDateGivesNone(String text) {
        assertThat(find(text)).isEmpty();
    }
}
