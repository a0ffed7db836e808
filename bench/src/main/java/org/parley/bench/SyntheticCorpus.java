package org.parley.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.parley.common.Article;
import org.parley.common.Json;

/**
 * Made-up diplomatic news for every benchmark (ingest, coder, pipeline, memory), the one synthetic-article
 * generator: real country names, leaders and the verbs the coder knows,
 * in articles of about 30 sentences of which roughly a third report an event between two actors and the rest
 * are the background, figures and quotes that fill real articles and code nothing.
 *
 * <p>Article {@code i} depends only on the seed and {@code i} (each gets a random stream of its own), so any
 * range of articles can be generated alone and the same seed always gives the same corpus.
 */
public final class SyntheticCorpus {
    public static final long DEFAULT_SEED = 20_251_126L;
    /** Share of sentences written from an event template; the coder finds nothing in the others. */
    public static final double EVENT_SENTENCE_SHARE = 0.35;
    public static final int MIN_SENTENCES = 26;
    public static final int MAX_SENTENCES = 34;
    /** Articles are dated from this day on, one day further per article modulo {@link #DAYS}. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 1);
    public static final int DAYS = 270;

    // Names the coder's dictionaries know; leaders only those in office throughout FIRST_DAY..+DAYS.
    private static final String[] STATES = {"Russia", "the United States", "Ukraine", "China", "France", "Germany",
        "Britain", "Turkey", "Iran", "Israel", "India", "Japan", "Poland", "Italy", "Hungary", "Egypt", "Brazil",
        "Saudi Arabia", "South Africa", "Canada", "Mexico", "Serbia", "Belarus", "Venezuela", "North Korea",
        "South Korea", "Qatar", "Pakistan", "Indonesia", "Nigeria"};
    private static final String[] LEADERS = {"Vladimir Putin", "Sergei Lavrov", "Donald Trump", "Marco Rubio",
        "Volodymyr Zelensky", "Recep Tayyip Erdogan", "Hakan Fidan", "Keir Starmer", "Emmanuel Macron",
        "Friedrich Merz", "Giorgia Meloni", "Viktor Orban", "Donald Tusk", "Xi Jinping", "Wang Yi",
        "Narendra Modi", "Benjamin Netanyahu", "Masoud Pezeshkian", "Alexander Lukashenko", "Aleksandar Vucic",
        "Cyril Ramaphosa", "Abdel Fattah al-Sisi", "Nicolas Maduro", "Kim Jong Un"};
    private static final String[] CITIES = {"Geneva", "Istanbul", "Vienna", "Doha", "Riyadh", "Brussels", "Oslo",
        "Helsinki", "Singapore", "Nairobi"};
    private static final String[] TOPICS = {"energy", "trade", "security", "migration", "grain exports",
        "nuclear safety", "border crossings", "fisheries", "shipping", "climate finance"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /** {A}, {B}, {C}: distinct actors; {city}, {topic}, {n}, {m}, {month}: filler. */
    private static final String[] EVENT_TEMPLATES = {
        "{A} and {B} held talks in {city} on {topic}.",
        "{A} criticised {B} over its {topic} policy.",
        "{A} accused {B} of violating the ceasefire.",
        "{A} urged {B} to return to the negotiating table.",
        "{A} threatened {B} with new sanctions.",
        "{A} imposed sanctions on {B} over {topic}.",
        "{A} praised {B} for its role in the talks.",
        "{A} signed a trade agreement with {B} in {city}.",
        "{A} pledged military aid to {B}.",
        "{A} discussed {topic} with {B} by phone on Tuesday.",
        "{A} met {B} on the sidelines of the summit in {city}.",
        "{A} condemned {B} for the strike on the port.",
        "{A} rejected the proposal made by {B}.",
        "{A} welcomed {B} to {city} for two days of meetings.",
        "{A} warned {B} against any further escalation.",
        "{A} offered to mediate between {B} and {C}.",
        "{A} expressed support for {B} after the floods.",
        "{A} demanded that {B} withdraw its troops from the border.",
        "{A} and {B} agreed to restore diplomatic relations.",
        "{A} visited {B} to discuss {topic}.",
    };
    private static final String[] QUIET_TEMPLATES = {
        "The meeting lasted about {n} hours, according to people familiar with the schedule.",
        "Markets in {city} closed {n} percent higher on the day.",
        "Analysts said the outcome remained uncertain.",
        "The statement gave no further details.",
        "Inflation stood at {n}.{m} percent in {month}.",
        "It was not immediately clear when the next round would take place.",
        "The central bank left interest rates unchanged at {n} percent.",
        "Officials declined to comment on the report.",
        "Temperatures in {city} reached {n} degrees on the weekend.",
        "The ministry published its annual report on {topic} in {month}.",
        "Several hundred people gathered in the city centre.",
        "The new rules will take effect in {month}.",
        "The document runs to {n} pages and covers {topic} in detail.",
        "Reporting by the agency's correspondents in {city}.",
        "Shares of state energy companies fell {n}.{m} percent.",
        "The {topic} sector employs about {n} thousand people.",
        "Observers noted that the room was smaller than last year.",
        "A spokesperson said more information would follow.",
        "The figures are preliminary and may be revised.",
        "Traffic around the conference hall was closed for most of the morning.",
        "Experts have long debated the costs of {topic}.",
        "The agenda also included {topic} and {topic}.",
        "Last year the volume of {topic} fell by {n} percent.",
        "The delegation flew home in the evening.",
        "Local newspapers ran the story on their front pages.",
    };

    /** Clauses appended to some sentences (before the full stop) so that sentences run to news length. */
    private static final String[] TAILS = {", a spokesperson told reporters", ", according to a statement published "
        + "later that day", " earlier this week", ", in a move that surprised some observers", " as part of a wider "
        + "review of {topic}", ", the state news agency reported", ", two people with knowledge of the matter said",
        " in a long address broadcast in the evening"};

    private final long seed;

    public SyntheticCorpus(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** Articles {@code from} (inclusive) to {@code from + count} (exclusive). */
    public List<Article> articles(int from, int count, Instant ingestedAt) {
        List<Article> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(article(i, ingestedAt));
        }
        return out;
    }

    /** Article number {@code index}: the same for the same seed and index, different for every index. */
    public Article article(int index, Instant ingestedAt) {
        return article(index, FIRST_DAY.plusDays(Math.floorMod(index, DAYS)), ingestedAt);
    }

    /** Article number {@code index}, dated {@code date}. */
    public Article article(int index, LocalDate date, Instant ingestedAt) {
        SplittableRandom random = random(index);
        int sentences = MIN_SENTENCES + random.nextInt(MAX_SENTENCES - MIN_SENTENCES + 1);
        String text = text(random, index, sentences, 0);
        String id = "bench-" + Long.toHexString(seed) + "-" + index;
        return new Article(id, "Synthetic report " + index, text, date, Article.DateSource.METADATA,
                null, "synthetic", null, null, id, ingestedAt);
    }

    /**
     * Writes articles {@code from} to {@code from + count} as JSON lines (title, text, date, url, source), the
     * input {@code parley ingest} reads, each text at least {@code minChars} long, and returns the number of bytes
     * of article text written.
     */
    public long writeJsonLines(Path file, int from, int count, int minChars) {
        ObjectWriter writer = Json.mapper().writer();
        long textBytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = from; i < from + count; i++) {
                SplittableRandom random = random(i);
                String text = text(random, i, MIN_SENTENCES, minChars);
                textBytes += text.getBytes(StandardCharsets.UTF_8).length;
                ObjectNode node = Json.mapper().createObjectNode();
                node.put("title", "Synthetic report " + i);
                node.put("text", text);
                node.put("date", FIRST_DAY.plusDays(Math.floorMod(i, DAYS)).toString());
                node.put("url", "https://example.org/synthetic/" + seed + "/" + i);
                node.put("source", "synthetic");
                out.write(writer.writeValueAsString(node));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return textBytes;
    }

    private SplittableRandom random(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    /** At least {@code sentences} sentences and {@code minChars} characters, in paragraphs, then the serial. */
    private String text(SplittableRandom random, int index, int sentences, int minChars) {
        StringBuilder text = new StringBuilder(Math.max(sentences * 90, minChars + 200));
        int inParagraph = 0;
        for (int s = 0; s < sentences || text.length() < minChars; s++) {
            if (s > 0) {
                // paragraphs of 2 to 5 sentences
                boolean breakHere = inParagraph >= 2 && (inParagraph >= 5 || random.nextInt(3) == 0);
                text.append(breakHere ? "\n\n" : " ");
                inParagraph = breakHere ? 0 : inParagraph;
            }
            String template = random.nextDouble() < EVENT_SENTENCE_SHARE
                    ? EVENT_TEMPLATES[random.nextInt(EVENT_TEMPLATES.length)]
                    : QUIET_TEMPLATES[random.nextInt(QUIET_TEMPLATES.length)];
            if (random.nextInt(10) < 6) {
                String tail = TAILS[random.nextInt(TAILS.length)];
                template = template.substring(0, template.length() - 1) + tail + ".";
            }
            text.append(fill(template, random));
            inParagraph++;
        }
        // Serial number in the text: every article is distinct, so ingest and the processor never deduplicate it.
        text.append("\n\nSynthetic report no. ").append(seed).append('-').append(index).append('.');
        return text.toString();
    }

    private static String fill(String template, SplittableRandom random) {
        String a = actor(random);
        String b = actor(random);
        while (sameActor(a, b)) {
            b = actor(random);
        }
        String c = actor(random);
        while (sameActor(a, c) || sameActor(b, c)) {
            c = actor(random);
        }
        StringBuilder out = new StringBuilder(template.length() + 40);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            String slot = template.substring(open + 1, close);
            out.append(switch (slot) {
                case "A" -> capitalise(a);
                case "B" -> b;
                case "C" -> c;
                case "city" -> CITIES[random.nextInt(CITIES.length)];
                case "topic" -> TOPICS[random.nextInt(TOPICS.length)];
                case "month" -> MONTHS[random.nextInt(MONTHS.length)];
                case "n" -> Integer.toString(2 + random.nextInt(97));
                case "m" -> Integer.toString(random.nextInt(10));
                default -> throw new IllegalStateException("unknown slot {" + slot + "} in " + template);
            });
            i = close + 1;
        }
        return out.toString();
    }

    /** A state (60 %) or a leader (40 %). */
    private static String actor(SplittableRandom random) {
        return random.nextInt(10) < 6 ? STATES[random.nextInt(STATES.length)]
                : LEADERS[random.nextInt(LEADERS.length)];
    }

    /** Leaders of one state would make a self-dyad; identical strings are the only case that matters here. */
    private static boolean sameActor(String a, String b) {
        return a.equals(b);
    }

    private static String capitalise(String s) {
        return s.startsWith("the ") ? "The " + s.substring(4) : s;
    }

    /** UTF-8 size of an article's text, for reporting. */
    public static int textBytes(Article a) {
        return a.text().getBytes(StandardCharsets.UTF_8).length;
    }
}
