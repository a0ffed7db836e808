package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.parley.common.DyadStance;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;
import picocli.CommandLine;

/** {@code parley watch --once} over a real broker: the table holds the latest value of each dyad. */
@WithKafka
class WatchIT {
    private static DyadStance dyad(String src, String tgt, long events, double stance) {
        return new DyadStance(src, tgt, events, events, stance, stance / events, Map.of("1", events),
                Map.of("04", events), 1.0, stance, Instant.parse("2025-02-27T00:00:00Z"),
                Instant.parse("2025-02-27T00:00:00Z"), List.of(), Instant.now());
    }

    @Test
    void showsTheLatestAggregateOfEachDyadFilteredByCountry(KafkaFixture kafka) throws Exception {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        var topic = config.topics().dyadStance();
        try (var producer = new KafkaProducer<>(config.kafkaProperties(), topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), "RUS->USA", dyad("RUS", "USA", 1, 7.0))).get();
            producer.send(new ProducerRecord<>(topic.name(), "RUS->USA", dyad("RUS", "USA", 4, 12.5))).get();
            producer.send(new ProducerRecord<>(topic.name(), "FRA->DEU", dyad("FRA", "DEU", 2, 16.0))).get();
        }
        StringWriter out = new StringWriter();
        int code = new CommandLine(new WatchCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(new StringWriter())).execute("--bootstrap-server", config.bootstrapServers(),
                        "--topic-prefix", config.topicPrefix(), "--country", "rus", "--once");
        assertThat(code).isZero();
        String table = out.toString();
        assertThat(table).contains("country RUS", "1 dyad(s)").doesNotContain("FRA").doesNotContain("\033[");
        assertThat(table.lines().filter(l -> l.startsWith("RUS Russia          USA United States")).toList())
                .singleElement().satisfies(l -> assertThat(l).contains("12.50").containsPattern("\\s4\\s"));
    }
}
