package org.parley.coder;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a clause reports something that happened around the article's date: not a question, not a condition
 * ("if they were to attack"), not history ("fought a war in 1994", "two years ago"). Events of other clauses are
 * real text about the world, but not news of the day, and the stance aggregates count news of the day.
 */
final class Factuality {
    /** Verbs of deliberation before a gerund: the act is weighed, not done or intended. */
    private static final Set<String> CONSIDERED = Set.of("consider", "considers", "considered", "considering",
            "weigh", "weighs", "weighed", "weighing", "discuss", "discussed", "discussing", "debate", "debated",
            "debating", "contemplate", "contemplated", "contemplating", "mull", "mulled", "mulling");

    private static final Set<String> CONDITIONS = Set.of("if", "unless", "whether");
    private static final Set<String> PAST_MARKERS = Set.of("previously", "formerly");
    private static final Set<String> HYPOTHETICAL = Set.of("would", "could", "might", "should", "must");
    private static final Set<String> ALLEGED = Set.of("accused", "charged", "suspected", "convicted", "guilty",
            "alleged", "allegedly", "allegations", "allegation", "accusations", "rumoured", "rumored", "reportedly");
    private static final Set<String> FIRST_PERSON = Set.of("i", "we", "you");
    /** Words saying that what was planned did not happen: "a meeting ..., which was cancelled". */
    private static final Set<String> CALLED_OFF = Set.of("cancelled", "canceled", "postponed", "scrapped",
            "aborted");
    private static final Set<String> SPORT = Set.of("cricket", "football", "soccer", "rugby", "tennis", "hockey",
            "basketball", "volleyball", "handball", "baseball", "wickets", "innings", "semi-final", "semi-finals",
            "semifinal", "semifinals", "quarter-final", "quarter-finals", "quarterfinal", "quarterfinals",
            "footballer", "footballers", "goalkeeper", "striker", "tournament", "championship", "championships");
    private static final Pattern SCORE = Pattern.compile("\\d{1,2}[-–]\\d{1,2}");
    private static final Set<String> PLANNED = Set.of("will", "would", "shall", "next", "plans", "planned", "plan",
            "scheduled", "due", "expected", "upcoming", "until");
    private static final Set<String> STANDING = Set.of("is", "are", "remains", "remain");
    private static final Set<String> LONG_SPANS = Set.of("years", "decades", "year", "decade", "centuries");

    private Factuality() {
    }

    /** Null when the clause around {@code t} states a current fact; otherwise why it does not. */
    static String notCurrent(Sentence s, Syntax syn, int segStart, int t, int end, int segEnd, LocalDate article) {
        String[] w = s.words();
        int articleYear = article == null ? 0 : article.getYear();
        if (w[w.length - 1].equals("?")) {
            return "a question";
        }
        for (int i = Math.max(0, segStart - 1); i < t; i++) {
            if (CONDITIONS.contains(w[i])) {
                return "a condition (" + w[i] + ")"; // "if they were to attack", "whether to meet"
            }
        }
        if (t > 0 && CONSIDERED.contains(w[t - 1]) && w[t].endsWith("ing")) {
            return "only considered (" + w[t - 1] + ")"; // "would consider charging the gunman"
        }
        for (int i = Math.max(segStart, t - 4); i < t; i++) {
            if (ALLEGED.contains(w[i]) && !describesNoun(w, syn, segStart, i)) {
                return "alleged, not stated (" + w[i] + ")"; // "accused of attacking", "allegations Trump tried to"
            }
        }
        for (int i = Math.max(0, segStart - 1); i + 1 < t; i++) {
            if (HYPOTHETICAL.contains(w[i]) && w[i + 1].equals("have")) {
                return "a hypothetical (" + w[i] + " have)"; // "would have allowed the government to extradite"
            }
            if (w[i].equals("supposed") && w[i + 1].equals("to") && i + 2 >= t - 1) {
                return "an obligation, not an act (supposed to)"; // "the president was supposed to resign"
            }
        }
        for (int i = segStart; i < t; i++) {
            if (FIRST_PERSON.contains(w[i])) {
                return "a first-person speaker the text does not name (" + w[i] + ")";
            }
            if (s.toks().get(i).isCapitalised() || w[i].equals(",")) {
                break; // only the clause's opening words: "I think", "we will", not "as we saw, X attacked"
            }
        }
        if (standingPassive(w, t, segEnd)) {
            return "a standing state, not an event (" + w[t - 1] + " " + w[t] + ")"; // "the PKK is banned in Turkey"
        }
        for (int i = end; i < w.length; i++) {
            if (CALLED_OFF.contains(w[i]) && i > 1 && (w[i - 2].equals("which") || w[i - 2].equals("that"))
                    && (w[i - 1].equals("was") || w[i - 1].equals("were"))) {
                return "called off (" + w[i] + ")"; // "a meeting during the planned trip, which was cancelled"
            }
        }
        for (int i = segStart; i < segEnd; i++) {
            if (w[i].equals("ago") && i > 0 && LONG_SPANS.contains(w[i - 1]) && (i < end || !verbBetween(syn, w, end, i))) {
                return "a past event (years ago)";
            }
            if (PAST_MARKERS.contains(w[i])) {
                return "a past event (" + w[i] + ")";
            }
            if (w[i].equals("always") && i < t) {
                return "a standing position, not an event (always)"; // "has always condemned any violence"
            }
            // a month opening the clause ("In July, he helped") or after the act in its phrase dates it
            boolean monthDatesTheAct = i < t ? i - segStart <= 2 : i >= end && !verbBetween(syn, w, end, i);
            if (article != null && monthDatesTheAct && monthsBefore(s, i, article) >= 2
                    && !planned(w, segStart, segEnd)) {
                return "a past event (" + w[i] + ", months before the article)"; // "banned travel in January"
            }
            int year = year(w[i]);
            // a year before the act or after it in its own phrase dates the act ("fought a war in 1994"); one
            // after another verb dates something else ("extended the sanctions imposed by decrees in 2014")
            boolean datesTheAct = i < end || !verbBetween(syn, w, end, i);
            if (year > 0 && articleYear > 0 && year < articleYear - 1 && datesTheAct && !(i > 0 && w[i - 1].equals("since"))) {
                return "a past event (" + year + ")";
            }
        }
        return null;
    }

    /**
     * Force in a clause with a score ("2-0") or a word only sport uses ("wickets", "semi-final"): "Germany beat
     * France 2-0" is a match. Only force: "shared evidence in its soccer investigation" is cooperation.
     */
    static boolean sportingContest(String[] w, int segStart, int segEnd, String code) {
        if (!(code.startsWith("18") || code.startsWith("19") || code.startsWith("20"))) {
            return false;
        }
        for (int i = Math.max(0, segStart); i < segEnd; i++) {
            if (SPORT.contains(w[i]) || SCORE.matcher(w[i]).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A present passive with no agent states how things stand ("is banned", "are prohibited", "remains
     * blocked"); the act that made them so is reported in the past ("was banned", "has been banned").
     */
    private static boolean standingPassive(String[] w, int t, int segEnd) {
        if (t == 0 || !STANDING.contains(w[t - 1]) || !(w[t].endsWith("ed") || w[t].endsWith("en"))) {
            return false;
        }
        for (int i = t + 1; i < segEnd; i++) {
            if (w[i].equals("by")) {
                return false;
            }
        }
        return true;
    }

    /** "suspected militants attacked": the doubt is about who they are, not about the act. */
    private static boolean describesNoun(String[] w, Syntax syn, int segStart, int i) {
        boolean opens = i == segStart || syn.tag(i - 1).equals("DET");
        String next = syn.tag(i + 1);
        return opens && (next.equals("NOUN") || next.equals("ADJ"));
    }

    /**
     * How many months before the article a bare month ("in January", "last March", not "in January 2019", which
     * the year decides) lies: 2-10 for a month of the past; -1 for no such month or one too close to tell.
     */
    private static int monthsBefore(Sentence s, int i, LocalDate article) {
        String[] w = s.words();
        Integer month = DateResolver.MONTHS.get(w[i]);
        if (month == null || i == 0 || !(w[i - 1].equals("in") || w[i - 1].equals("last"))
                || !s.toks().get(i).isCapitalised() || i + 1 < w.length && year(w[i + 1]) > 0) {
            return -1;
        }
        int gap = (article.getMonthValue() - month + 12) % 12;
        return gap <= 10 ? gap : -1;
    }

    /** A clause about what is to come: its month may be next year's. */
    private static boolean planned(String[] w, int segStart, int segEnd) {
        for (int i = Math.max(0, segStart); i < segEnd; i++) {
            if (PLANNED.contains(w[i])) {
                return true;
            }
        }
        return false;
    }

    /** A verb of another act between; an infinitive ("convicted of conspiracy to possess ... in 2008") is none. */
    private static boolean verbBetween(Syntax syn, String[] w, int from, int to) {
        for (int i = from; i < to; i++) {
            if (syn.isVerb(i) && !(i > 0 && w[i - 1].equals("to"))) {
                return true;
            }
        }
        return false;
    }

    /** A year ("1994"), or the last year of a decade ("1980s"); -1 for other words. */
    private static int year(String w) {
        if (w.length() == 5 && w.endsWith("0s")) {
            int y = year(w.substring(0, 4));
            return y < 0 ? -1 : y + 9;
        }
        if (w.length() != 4 || !(w.startsWith("19") || w.startsWith("20"))) {
            return -1;
        }
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(w);
    }

    /** "jailed a student for helping militants": the gerund after "for" is the object's act, the reason for the verb. */
    static boolean reasonGiven(String[] words, Syntax syntax, int segStart, int t) {
        if (t < 2 || !words[t - 1].equals("for") || !words[t].endsWith("ing")) {
            return false;
        }
        for (int i = segStart; i < t - 1; i++) {
            if (syntax.isVerb(i)) {
                return true;
            }
        }
        return false;
    }
}
