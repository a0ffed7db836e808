package org.parley.coder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/** Finds the date a sentence gives for an event ("on February 27", "on Wednesday", "yesterday"). */
final class DateResolver {
    /** Month names and abbreviations (lower case) to month numbers; shared with {@link Factuality}. */
    static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY,
            "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY,
            "sunday", DayOfWeek.SUNDAY);

    private DateResolver() {
    }

    /** The date stated nearest to token {@code near}, resolved against the article date; else the article date. */
    static LocalDate resolve(List<Token> toks, int near, LocalDate article) {
        LocalDate best = article;
        int bestDist = Integer.MAX_VALUE;
        for (int i = 0; i < toks.size(); i++) {
            LocalDate d = dateAt(toks, i, article);
            if (d != null && Math.abs(i - near) < bestDist) {
                bestDist = Math.abs(i - near);
                best = d;
            }
        }
        return best;
    }

    private static LocalDate dateAt(List<Token> toks, int i, LocalDate article) {
        String w = toks.get(i).lower();
        if (w.equals("yesterday")) {
            return article.minusDays(1);
        }
        if (w.equals("today")) {
            return article;
        }
        DayOfWeek dow = DAYS.get(w);
        if (dow != null && toks.get(i).isCapitalised()) {
            return article.with(TemporalAdjusters.previousOrSame(dow));
        }
        Integer month = MONTHS.get(w);
        if (month != null && toks.get(i).isCapitalised()) {
            int j = i + 1;
            if (j < toks.size() && toks.get(j).lower().equals(".")) {
                j++;
            }
            Integer day = j < toks.size() ? day(toks.get(j).lower()) : null;
            if (day == null && i > 0) {
                day = day(toks.get(i - 1).lower()); // "27 February"
            }
            if (day == null || w.equals("may") && j < toks.size() && day(toks.get(j).lower()) == null) {
                return null;
            }
            try {
                LocalDate d = LocalDate.of(article.getYear(), month, day);
                // a date well after the article is last year's ("on December 30" in a January article)
                return d.isAfter(article.plusDays(31)) ? d.minusYears(1) : d;
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer day(String w) {
        int n = w.length();
        if (n == 0 || n > 4) {
            return null;
        }
        int v = 0;
        int k = 0;
        while (k < n && Character.isDigit(w.charAt(k))) {
            v = v * 10 + (w.charAt(k) - '0');
            k++;
        }
        if (k == 0 || k > 2) {
            return null;
        }
        String rest = w.substring(k);
        if (!(rest.isEmpty() || rest.equals("st") || rest.equals("nd") || rest.equals("rd") || rest.equals("th"))) {
            return null;
        }
        return v >= 1 && v <= 31 ? v : null;
    }
}
