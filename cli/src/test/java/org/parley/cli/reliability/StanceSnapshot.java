package org.parley.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;
import org.parley.contracts.KafkaSettings;

/**
 * The final state of one pipeline run, read from its topics: the latest aggregate per dyad, per country and per dyad
 * and day, and how
 * often each event id was written. Compared across runs without timestamps; sums and decayed scores are floating
 * point, added up in whatever order the records arrived, so they are compared to six decimals.
 */
record StanceSnapshot(Map<String, DyadCounts> dyads, Map<String, Double> dyadStance,
                      Map<String, CountryCounts> countries, Map<String, DyadCounts> daily,
                      Map<String, Integer> eventIdCounts, java.util.Set<String> codedArticleIds) {

    /** The order-independent part of a dyad aggregate. */
    record DyadCounts(long events, long mentions, String goldsteinSum, Map<String, Long> quadCounts,
                      Map<String, Long> rootCounts) {
    }

    /** The order-independent part of a country row. */
    record CountryCounts(long eventsAsSource, String goldsteinAsSource, long eventsAsTarget,
                         String goldsteinAsTarget, java.util.Set<String> counterparts) {
    }

    static StanceSnapshot read(KafkaSettings config) {
        Map<String, DyadCounts> dyads = new TreeMap<>();
        Map<String, Double> stance = new TreeMap<>();
        TopicContents.latestByKey(config, config.topics().dyadStance()).forEach((key, d) -> {
            dyads.put(key, countsOf(d));
            stance.put(key, d.stance());
        });
        Map<String, DyadCounts> daily = new TreeMap<>();
        TopicContents.latestByKey(config, config.topics().dailyStance()).forEach((key, d) ->
                daily.put(key, countsOf(d)));
        Map<String, CountryCounts> countries = new TreeMap<>();
        TopicContents.latestByKey(config, config.topics().countryStance()).forEach((code, c) ->
                countries.put(code, countsOf(c)));
        Map<String, Integer> ids = new TreeMap<>();
        java.util.Set<String> articleIds = new java.util.TreeSet<>();
        var events = config.topics().events();
        for (ConsumerRecord<byte[], byte[]> r : TopicContents.readCommitted(config, events.name())) {
            ids.merge(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8), 1, Integer::sum);
            articleIds.add(events.valueSerde().deserializer().deserialize(events.name(), r.value()).articleId());
        }
        return new StanceSnapshot(dyads, stance, countries, daily, ids, articleIds);
    }

    private static DyadCounts countsOf(DyadStance d) {
        return new DyadCounts(d.events(), d.mentions(), sixDecimals(d.goldsteinSum()), new TreeMap<>(d.quadCounts()),
                new TreeMap<>(d.rootCounts()));
    }

    private static CountryCounts countsOf(CountryStance c) {
        CountryStance.Totals src = c.asSource() == null ? CountryStance.Totals.EMPTY : c.asSource();
        CountryStance.Totals tgt = c.asTarget() == null ? CountryStance.Totals.EMPTY : c.asTarget();
        return new CountryCounts(src.events(), sixDecimals(src.goldsteinSum()), tgt.events(),
                sixDecimals(tgt.goldsteinSum()),
                c.net() == null ? new java.util.TreeSet<>() : new java.util.TreeSet<>(c.net().keySet()));
    }

    private static String sixDecimals(double v) {
        // a sum of the same scores in another order (events re-read after a crash) can differ in its last bits:
        // -1e-16 instead of 0 must not print as "-0.000000"; rounding first, then + 0.0 (which turns -0.0 into 0.0)
        return String.format(java.util.Locale.ROOT, "%.6f", Math.round(v * 1e6) / 1e6 + 0.0);
    }

    /** Asserts that this run ended with exactly the aggregates of {@code reference}. */
    void assertSameAggregatesAs(StanceSnapshot reference, String context) {
        assertThat(dyads).as("dyad aggregates (%s)", context).isEqualTo(reference.dyads());
        assertThat(countries).as("country rows (%s)", context).isEqualTo(reference.countries());
        assertThat(daily).as("daily dyad values (%s)", context).isEqualTo(reference.daily());
        assertThat(codedArticleIds).as("articles with events (%s)", context).isEqualTo(reference.codedArticleIds());
        assertThat(eventIdCounts.keySet()).as("event ids (%s)", context).isEqualTo(reference.eventIdCounts().keySet());
        assertThat(eventIdCounts).as("each event written once under read_committed (%s)", context)
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        reference.dyadStance().forEach((key, expected) -> assertThat(dyadStance.get(key))
                .as("decayed stance of %s (%s)", key, context)
                .isCloseTo(expected, within(1e-6 * Math.max(1.0, Math.abs(expected)))));
    }
}
