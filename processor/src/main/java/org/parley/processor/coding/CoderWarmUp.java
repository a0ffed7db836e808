package org.parley.processor.coding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.parley.coder.CodedArticle;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;

/**
 * Codes a few built-in articles, round after round, for a bounded time, so that the JIT compiler has compiled the
 * coder's hot paths before the processor's first real article. In a cold JVM on 2 cores the coder needs about
 * 1,000 sentences before it runs at its compiled speed, and its first article costs 3 to 4 times what it costs
 * after a 2-second warm-up (docs/benchmarks.md, "Sixth round"). Off by default
 * ({@link org.parley.processor.ProcessorSettings#coderWarmUpMs}). Nothing coded here leaves this class.
 */
public final class CoderWarmUp {
    /** News-like sentences of the kinds the coder handles (meetings, accusations, sanctions, aid, force, ...). */
    static final List<String> ARTICLES = List.of(
            "MOSCOW, March 3 (Reuters) - Russia and the United States held talks in Geneva on Monday on arms control."
                    + " The Russian foreign minister said the meeting was useful. Washington urged Moscow to withdraw"
                    + " its troops from the border. The two sides agreed to meet again next month. Oil prices rose"
                    + " 2 percent on Monday, and the rouble was steady against the dollar.",
            "Iran accused Israel of violating the ceasefire in southern Lebanon. Israeli aircraft struck targets near"
                    + " the border overnight, the army said. Tehran warned that it would respond. The United Nations"
                    + " Security Council called for restraint. Rain is expected over the coast this weekend.",
            "The European Union imposed new sanctions on Belarus over the detention of opposition leaders. Minsk"
                    + " condemned the decision and recalled its ambassador from Brussels. Poland welcomed the sanctions."
                    + " Lithuania said it would close two border crossings. Analysts expect the measures to hit exports"
                    + " of potash.",
            "China and India agreed to resume border trade after months of tension. The Chinese president will visit"
                    + " New Delhi in May, officials said. Pakistan criticised the agreement. Japan offered to mediate"
                    + " between the two countries. Shares in Mumbai closed higher.",
            "Turkey sent humanitarian aid to Syria after the earthquake. Greece and Turkey signed an agreement on"
                    + " migration. The Turkish president did not rule out military action against Kurdish fighters."
                    + " Germany promised 50 million euros in aid. The police arrested three protesters in Ankara.",
            "Ukraine said Russian forces shelled Kharkiv overnight, killing two civilians. Kyiv appealed to its allies"
                    + " for more air defence. France pledged to send more weapons to Ukraine. Moscow denied targeting"
                    + " civilians and accused Kyiv of provocation. The talks between the two countries were postponed.",
            "North Korea fired a ballistic missile into the sea, South Korea's military said. Seoul and Tokyo"
                    + " condemned the launch. The United States called on Pyongyang to return to negotiations."
                    + " Venezuela expelled the Spanish ambassador. Brazil and Argentina pledged to cooperate on trade.");
    private static final LocalDate DATE = LocalDate.of(2025, 3, 3);

    /** What a warm-up did: rounds over {@link #ARTICLES}, and how long its first and last round took. */
    public record Result(int rounds, int sentences, int events, long millis, double firstRoundMs,
                         double lastRoundMs) {
    }

    private CoderWarmUp() {
    }

    /**
     * Codes {@link #ARTICLES} round after round until {@code budgetMs} have passed (a round is finished once begun)
     * or {@code maxRounds} rounds are done. Never throws: the coder never does on any text, and a warm-up is no
     * reason to stop a processor.
     */
    public static Result run(EventCoder coder, long budgetMs, int maxRounds) {
        long start = System.nanoTime();
        long deadline = start + budgetMs * 1_000_000L;
        int rounds = 0;
        int sentences = 0;
        int events = 0;
        double first = 0;
        double last = 0;
        while (rounds < maxRounds && System.nanoTime() < deadline) {
            long roundStart = System.nanoTime();
            for (int i = 0; i < ARTICLES.size(); i++) {
                CodedArticle coded = coder.code(new CoderInput("warm-up-" + i, ARTICLES.get(i), DATE,
                        Instant.EPOCH));
                sentences += coded.sentenceCount();
                events += coded.events().size();
            }
            last = (System.nanoTime() - roundStart) / 1e6;
            if (rounds == 0) {
                first = last;
            }
            rounds++;
        }
        return new Result(rounds, sentences, events, (System.nanoTime() - start) / 1_000_000L, first, last);
    }
}
