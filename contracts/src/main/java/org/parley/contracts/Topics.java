package org.parley.contracts;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.parley.common.Article;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;
import org.parley.common.Event;

/**
 * Parley's topics under one prefix: {@code <prefix>.articles}, {@code <prefix>.events} and so on.
 * The default prefix is {@code parley}; tests use a fresh prefix each so that they never share topics.
 */
public record Topics(String prefix) {
    public static final String DEFAULT_PREFIX = "parley";

    private static final Serde<String> KEY = Serdes.String();

    public Topics {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("topic prefix must be letters, digits, '.', '_' or '-': " + prefix);
        }
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_PREFIX);
    }

    /** Cleaned articles, keyed by article id. */
    public Topic<String, Article> articles() {
        return new Topic<>(prefix + ".articles", KEY, JsonSerde.of(Article.class), false);
    }

    /** Every coded event mention, keyed by event id. */
    public Topic<String, Event> events() {
        return new Topic<>(prefix + ".events", KEY, JsonSerde.of(Event.class), false);
    }

    /** Latest all-time stance per directed dyad, keyed by {@code SRC->TGT}. */
    public Topic<String, DyadStance> dyadStance() {
        return new Topic<>(prefix + ".stance.dyad", KEY, JsonSerde.of(DyadStance.class), true);
    }

    /** Latest stance row per country, keyed by actor code. */
    public Topic<String, CountryStance> countryStance() {
        return new Topic<>(prefix + ".stance.country", KEY, JsonSerde.of(CountryStance.class), true);
    }

    /** Closed daily windows per dyad, keyed by {@code SRC->TGT@YYYY-MM-DD}. */
    public Topic<String, DyadStance> dailyStance() {
        return new Topic<>(prefix + ".stance.daily", KEY, JsonSerde.of(DyadStance.class), true);
    }

    /** Records that could not be processed, with the reason. Raw bytes: the value may not even be JSON. */
    public Topic<byte[], byte[]> deadLetters() {
        return new Topic<>(prefix + ".dlq", Serdes.ByteArray(), Serdes.ByteArray(), false);
    }

    public List<Topic<?, ?>> all() {
        return List.of(articles(), events(), dyadStance(), countryStance(), dailyStance(), deadLetters());
    }
}
