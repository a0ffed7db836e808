package org.parley.ingest.date;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date an article's own text gives itself, for articles whose source carries no date.
 *
 * <ol>
 *   <li>A <b>dateline</b> opening the first or second paragraph: {@code MOSCOW, Feb. 27 (Reuters) -},
 *       {@code WASHINGTON, February 27, 2025 /TASS/.}, {@code Geneva, 3 March -}. A dateline without a year is
 *       the latest such day not after {@code today} (wire copy is dated within the year).</li>
 *   <li>Else the <b>latest explicit full date</b> (day, month and year: {@code February 27, 2025},
 *       {@code 27 February 2025}, {@code 2025-02-27}) in the opening paragraphs that is not after {@code today}:
 *       a story reports its own day or earlier ones, so a later date is a plan ("talks resume on 3 March 2030")
 *       or a typo, not the publication day.</li>
 * </ol>
 * A day and month without a year in running text ("on February 27") dates nothing: the year is unknown.
 */
public final class DateFinder {
    /** A date and where it was found: {@code dateline} or {@code text}. */
    public record Found(LocalDate date, String from) {
    }

    /** How many paragraphs from the start are searched for a full date. */
    static final int OPENING_PARAGRAPHS = 3;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12));

    private static final String MONTH = "(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|"
            + "July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final String DAY = "(?<day>[0-3]?\\d)(?:st|nd|rd|th)?";
    private static final String YEAR = "(?<year>(?:19|20)\\d\\d)";

    /** A place in capitals or in title case, optionally with a region ("SAN JOSE, Costa Rica"). */
    private static final String PLACE = "(?:[A-Z][A-Z.'\\-]+(?: [A-Z][A-Z.'\\-]+){0,3}"
            + "|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?";
    private static final String AGENCY = "(?:\\s*\\([A-Za-z .&\\-]{2,30}\\)|\\s*/[A-Za-z .\\-]{2,30}/)?";
    private static final Pattern DATELINE_MONTH_FIRST = Pattern.compile("^\\s*" + PLACE + ",?\\s+" + MONTH
            + "\\s+" + DAY + "(?:,?\\s+" + YEAR + ")?" + AGENCY + "\\s*[-\u2013\u2014:.]");
    private static final Pattern DATELINE_DAY_FIRST = Pattern.compile("^\\s*" + PLACE + ",?\\s+" + DAY
            + "(?: of)?\\s+" + MONTH + "(?:,?\\s+" + YEAR + ")?" + AGENCY + "\\s*[-\u2013\u2014:.]");

    private static final Pattern MONTH_FIRST = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR
            + "\\b");
    private static final Pattern DAY_FIRST = Pattern.compile("\\b" + DAY + "(?: of)?\\s+" + MONTH + ",?\\s+"
            + YEAR + "\\b");
    private static final Pattern ISO = Pattern.compile("\\b(?<year>(?:19|20)\\d\\d)-(?<month>[01]\\d)-"
            + "(?<day>[0-3]\\d)\\b");

    private DateFinder() {
    }

    /** The dateline's date, else the latest full date of the opening paragraphs not after {@code today}. */
    public static Optional<Found> find(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] paragraphs = text.strip().split("\\n\\s*\\n");
        for (int i = 0; i < Math.min(2, paragraphs.length); i++) {
            Optional<LocalDate> d = dateline(paragraphs[i], today);
            if (d.isPresent()) {
                return Optional.of(new Found(d.get(), "dateline"));
            }
        }
        LocalDate latest = null;
        for (int i = 0; i < Math.min(OPENING_PARAGRAPHS, paragraphs.length); i++) {
            for (Pattern p : new Pattern[] {MONTH_FIRST, DAY_FIRST, ISO}) {
                Matcher m = p.matcher(paragraphs[i]);
                while (m.find()) {
                    LocalDate d = date(m.group("year"), m.group("month"), m.group("day"));
                    if (d != null && !d.isAfter(today) && (latest == null || d.isAfter(latest))) {
                        latest = d;
                    }
                }
            }
        }
        return latest == null ? Optional.empty() : Optional.of(new Found(latest, "text"));
    }

    /** The date of a dateline opening the paragraph, or empty when it has none (or its date is to come). */
    static Optional<LocalDate> dateline(String paragraph, LocalDate today) {
        for (Pattern p : new Pattern[] {DATELINE_MONTH_FIRST, DATELINE_DAY_FIRST}) {
            Matcher m = p.matcher(paragraph);
            if (!m.find()) {
                continue;
            }
            String year = m.group("year");
            if (year != null) {
                LocalDate d = date(year, m.group("month"), m.group("day"));
                return d == null || d.isAfter(today) ? Optional.empty() : Optional.of(d);
            }
            // No year: this year's day, or last year's if this year's is still to come.
            LocalDate d = date(String.valueOf(today.getYear()), m.group("month"), m.group("day"));
            if (d == null) {
                d = date(String.valueOf(today.getYear() - 1), m.group("month"), m.group("day"));
                return Optional.ofNullable(d);
            }
            return Optional.of(d.isAfter(today) ? d.minusYears(1) : d);
        }
        return Optional.empty();
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            int mo = Character.isDigit(month.charAt(0)) ? Integer.parseInt(month)
                    : MONTHS.getOrDefault(month.toLowerCase(Locale.ROOT).replace(".", ""), 0);
            return LocalDate.of(Integer.parseInt(year), mo, Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
