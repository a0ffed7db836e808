package org.parley.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.parley.common.DyadStance;

/**
 * The dyad table {@code parley demo} prints, with names beside codes and a legend under it that says what each
 * column counts and on which scale, so that a reader who knows GDELT does not take a sum for a score.
 */
final class StanceTable {
    /** Widest name shown beside a code; longer names are cut with "…". */
    static final int NAME_WIDTH = 14;

    private final ActorNames names;

    StanceTable(ActorNames names) {
        this.names = names;
    }

    /**
     * Prints one row per dyad and the legend.
     *
     * @param datedBy dyad key ({@code RUS->USA}) to where its events' dates came from; missing dyads show "?"
     */
    void print(PrintWriter out, List<DyadStance> dyads, Map<String, SortedSet<String>> datedBy) {
        legend(out, rows(out, dyads, datedBy));
    }

    /**
     * Prints the rows alone (what {@code parley watch} redraws) and returns the CAMEO roots they show.
     *
     * @param datedBy as for {@link #print}, or null to leave the DATED BY column out
     */
    SortedSet<String> rows(PrintWriter out, List<DyadStance> dyads, Map<String, SortedSet<String>> datedBy) {
        String actor = "%-" + (4 + NAME_WIDTH + 1) + "s";
        String dated = datedBy == null ? "%s" : "%-10s  ";
        String head = actor + " " + actor + " %6s %8s %6s %6s %5s %7s  %-17s " + dated + "%s%n";
        out.printf(head, "SOURCE", "TARGET", "EVENTS", "MENTIONS", "G.SUM", "G.MEAN", "COOP%", "STANCE", "DATES",
                datedBy == null ? "" : "DATED BY", "ROOTS");
        SortedSet<String> roots = new TreeSet<>();
        for (DyadStance d : dyads) {
            roots.addAll(d.rootCounts().keySet());
            String rootCounts = d.rootCounts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "x" + e.getValue()).collect(Collectors.joining(" "));
            SortedSet<String> from = datedBy == null ? null : datedBy.get(d.source() + "->" + d.target());
            out.printf(actor + " " + actor + " %6d %8d %6.1f %6.2f %4.0f%% %7.2f  %-17s " + dated + "%s%n",
                    label(d.source()), label(d.target()), d.events(), d.mentions(), d.goldsteinSum(),
                    d.goldsteinMean(), d.cooperationShare() * 100, d.stance(), days(d),
                    datedBy == null ? "" : from == null ? "?" : String.join("+", from), rootCounts);
        }
        return roots;
    }

    String label(String code) {
        String name = names.name(code);
        if (name == null) {
            return code;
        }
        return code + " " + (name.length() > NAME_WIDTH ? name.substring(0, NAME_WIDTH - 1) + "…" : name);
    }

    /** The first and last event day: {@code 2025-02-28}, or {@code 2025-02-27..02-28} within one year. */
    static String days(DyadStance d) {
        if (d.firstEventTime() == null || d.lastEventTime() == null) {
            return "-";
        }
        LocalDate first = LocalDate.ofInstant(d.firstEventTime(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(d.lastEventTime(), ZoneOffset.UTC);
        if (first.equals(last)) {
            return first.toString();
        }
        return first + ".." + (first.getYear() == last.getYear() ? last.toString().substring(5) : last.toString());
    }

    private void legend(PrintWriter out, SortedSet<String> roots) {
        out.println();
        out.println("How to read it (one row per directed dyad: SOURCE acted towards TARGET; countries by ISO 3166"
                + " alpha-3 code):");
        out.println("  EVENTS    distinct events: one per (day, source, target, CAMEO code), however often reported");
        out.println("  MENTIONS  every sentence that reported one of them (GDELT's NumMentions)");
        out.println("  G.SUM     sum of the events' Goldstein scores; each score runs from -10 (most hostile) to"
                + " +10 (most cooperative)");
        out.println("  G.MEAN    G.SUM / EVENTS: the average event on that -10..+10 scale, comparable with GDELT's"
                + " GoldsteinScale");
        out.println("  COOP%     share of events that are cooperation (quad classes 1-2: CAMEO roots 01-09)");
        out.println("  STANCE    G.SUM with each event halved for every 7 days it lies before the dyad's newest"
                + " event;");
        out.println("            unbounded: > 0 cooperative, < 0 hostile, 0 none or balanced (docs/stance.md)");
        out.println("  DATES     the first and last day of the events (event time, UTC)");
        out.println("  DATED BY  where the articles' dates came from: html-meta, json-ld, time-tag, json, feed,"
                + " sidecar (NAME.meta.json),");
        out.println("            dateline, text (a full date in the opening paragraphs), option (--date),"
                + " ingest-time (a guess)");
        out.println("  ROOTS     CAMEO root x distinct events, e.g. 04x2 = two \"consult\" events:");
        for (String r : roots) {
            String what = names.root(r);
            out.printf("            %s %s%n", r, what == null ? "" : what);
        }
    }
}
