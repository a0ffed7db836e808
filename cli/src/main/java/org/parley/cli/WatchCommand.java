package org.parley.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.parley.common.DyadStance;
import org.parley.contracts.JsonSerde;
import org.parley.contracts.KafkaSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley watch}: the dyad stance table in the terminal, redrawn in place as the dyad stance topic
 * changes. Reads the compacted topic from its beginning (so the table starts complete), then follows it.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Show the dyad stance table, updating live from the stance topic.")
public final class WatchCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--country", paramLabel = "CODE", description = "only dyads this actor is part of, e.g. RUS")
    String country;

    @Option(names = "--sort", defaultValue = "events", paramLabel = "ORDER",
            description = "events, stance, -stance or recent (default: ${DEFAULT-VALUE})")
    String sort;

    @Option(names = "--rows", defaultValue = "40", paramLabel = "N",
            description = "rows shown (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--once", description = "print the table once the topic is read to its end, and exit")
    boolean once;

    @Option(names = "--plain", description = "no ANSI screen clearing: print each new table below the last")
    boolean plain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Comparator<DyadStance> order = order(sort);
        String only = country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT);
        KafkaSettings config = kafka.connect();
        String topic = config.topics().dyadStance().name();
        JsonSerde<DyadStance> serde = JsonSerde.of(DyadStance.class);
        Map<String, DyadStance> table = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                spec.commandLine().getErr().println("parley watch: no topic " + topic + " on "
                        + config.bootstrapServers());
                return 2;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup, "parley-watch-stop"));
            boolean changed = true;
            boolean caughtUp = false;
            long lastDraw = 0;
            while (true) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        DyadStance d = serde.deserializer().deserialize(topic, r.value());
                        if (d != null) {
                            table.put(r.key(), d);
                            changed = true;
                        }
                    } catch (RuntimeException e) {
                        spec.commandLine().getErr().printf("parley watch: skipped unreadable record %s-%d@%d: %s%n",
                                r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
                if (!caughtUp) {
                    caughtUp = partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
                    if (!caughtUp) {
                        continue;
                    }
                }
                long now = System.nanoTime();
                if (changed && (now - lastDraw) > 250_000_000L) {
                    if (!plain && !once) {
                        out.print("\033[H\033[2J");
                    }
                    out.print(render(table.values(), only, order, rows, topic));
                    out.flush();
                    changed = false;
                    lastDraw = now;
                }
                if (once) {
                    return 0;
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            return 0;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(KafkaSettings config) {
        Properties p = config.kafkaProperties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    static Comparator<DyadStance> order(String sort) {
        Comparator<DyadStance> c = switch (sort) {
            case "events" -> Comparator.comparingLong(DyadStance::events).reversed();
            case "stance" -> Comparator.comparingDouble(DyadStance::stance);
            case "-stance" -> Comparator.comparingDouble(DyadStance::stance).reversed();
            case "recent" -> Comparator.comparing(DyadStance::lastEventTime,
                    Comparator.nullsFirst(Comparator.naturalOrder())).reversed();
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new WatchCommand()),
                    "--sort must be events, stance, -stance or recent, got '" + sort + "'");
        };
        return c.thenComparing(DyadStance::source).thenComparing(DyadStance::target);
    }

    /** The table as text: a title line, then the dyads involving {@code country} (all when null). */
    static String render(Collection<DyadStance> dyads, String country, Comparator<DyadStance> order, int rows,
                         String topic) {
        List<DyadStance> shown = new ArrayList<>();
        for (DyadStance d : dyads) {
            if (country == null || country.equals(d.source()) || country.equals(d.target())) {
                shown.add(d);
            }
        }
        shown.sort(order);
        int total = shown.size();
        if (shown.size() > rows) {
            shown = shown.subList(0, rows);
        }
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.printf("parley watch  %s%s  %d dyad(s)%s  %s%n", topic, country == null ? "" : "  country " + country,
                total, total > shown.size() ? " (top " + shown.size() + ")" : "",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
        new StanceTable(ActorNames.shipped()).rows(w, shown, null);
        w.println("G.SUM: Goldstein sum; G.MEAN: per event, -10 (hostile) .. +10 (cooperative); STANCE: sum decayed "
                + "by half a week; 'parley demo' explains every column");
        w.flush();
        return text.toString();
    }
}
