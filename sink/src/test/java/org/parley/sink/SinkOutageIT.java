package org.parley.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.sink.SinkIT.eventIds;
import static org.parley.sink.SinkIT.eventRecord;
import static org.parley.sink.SinkIT.produce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.parley.contracts.TopicAdmin;
import org.parley.contracts.Topics;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.RestartableBroker;
import org.parley.testkit.WithKafka;

/** The broker stops cleanly under a running sink and comes back: the sink waits, resumes, and writes once. */
@WithKafka
class SinkOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    private static List<ProducerRecord<byte[], byte[]>> events(Topics t, int from, int to) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add(eventRecord(t, "e" + i));
        }
        return records;
    }

    @Test
    void theSinkRidesOutABrokerOutageAndWritesEveryEventOnce(KafkaFixture kafka) throws Exception {
        try (RestartableBroker broker = new RestartableBroker(kafka.tempDir().resolve("broker"))) {
            SinkSettings config = SinkFixture.settings(kafka)
                    .withKafka(kafka.config().withBootstrapServers(broker.bootstrapServers()));
            TopicAdmin.ensureTopics(config.kafka());
            Topics t = config.topics();
            try (SinkApp sink = new SinkApp(config)) {
                sink.start();
                produce(config, events(t, 0, 20));
                await().atMost(Duration.ofSeconds(60)).until(() -> eventIds(config.outDir()).size() == 20);

                broker.stop();
                // Longer than the 10 s outage that used to stop the sink, which must keep running throughout.
                await().during(OUTAGE).atMost(OUTAGE.plusSeconds(10)).until(sink::isRunning);

                broker.start();
                List<ProducerRecord<byte[], byte[]>> second = events(t, 20, 40);
                second.add(eventRecord(t, "e5")); // an old event again: skipped
                produce(config, second);
                await().atMost(Duration.ofSeconds(90)).until(() -> eventIds(config.outDir()).size() >= 40);
                await().atMost(Duration.ofSeconds(30)).until(() -> sink.lag() == 0);

                assertThat(sink.isRunning()).isTrue();
                assertThat(sink.stats().lastError()).isNull();
            }
            assertThat(eventIds(config.outDir())).hasSize(40).doesNotHaveDuplicates();
        }
    }
}
