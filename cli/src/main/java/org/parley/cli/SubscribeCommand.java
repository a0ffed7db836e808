package org.parley.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.parley.contracts.KafkaSettings;
import org.parley.processor.subscribe.EventFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parley subscribe}: tails the events topic (or a derived topic) and prints the matching events as JSON
 * lines. Matching reads only the record headers ({@code source}, {@code target}, {@code root},
 * {@code quadClass}); values are printed exactly as they are on the topic, never parsed.
 */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Print matching coded events as JSON lines as they arrive.")
public final class SubscribeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--country", paramLabel = "CODE", description = "events whose source or target is CODE")
    String country;

    @Option(names = "--dyad", paramLabel = "SRC:TGT", description = "events from SRC to TGT, e.g. RUS:UKR")
    String dyad;

    @Option(names = "--root", paramLabel = "NN", description = "CAMEO root 01..20, e.g. 19 (fight)")
    String root;

    @Option(names = "--quad", paramLabel = "N", description = "quad class: 1 verbal cooperation, 2 material "
            + "cooperation, 3 verbal conflict, 4 material conflict")
    Integer quad;

    @Option(names = "--topic", paramLabel = "NAME", description = "read this topic instead of the events topic, "
            + "e.g. a derived topic")
    String topic;

    @Option(names = "--from-beginning", description = "start at the oldest retained event instead of the newest")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "exit after printing N events")
    Long max;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EventFilter filter;
        try {
            filter = EventFilter.of(country, dyad, root, quad);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        KafkaSettings config = kafka.connect();
        String name = topic != null ? topic : config.topics().events().name();
        PrintWriter out = spec.commandLine().getOut();
        long printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(name, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(name, p.partition())).toList();
            if (partitions.isEmpty()) {
                spec.commandLine().getErr().println("parley subscribe: no topic " + name + " on "
                        + config.bootstrapServers());
                return 2;
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            // Resolve the positions now, so that nothing published after this point is missed.
            partitions.forEach(consumer::position);
            spec.commandLine().getErr().printf("parley subscribe: %s, filter %s%n", name, filter);
            Thread main = Thread.currentThread();
            Thread hook = new Thread(consumer::wakeup, "parley-subscribe-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                while (max == null || printed < max) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.value() != null && filter.matches(r.headers())) {
                            out.println(new String(r.value(), StandardCharsets.UTF_8));
                            printed++;
                            if (max != null && printed >= max) {
                                break;
                            }
                        }
                    }
                    out.flush();
                    if (main.isInterrupted()) {
                        break;
                    }
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
        } catch (WakeupException e) {
            // Ctrl-C
        }
        out.flush();
        return 0;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings config) {
        Properties p = config.kafkaProperties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
