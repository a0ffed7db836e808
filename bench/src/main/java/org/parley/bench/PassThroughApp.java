package org.parley.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.parley.common.Article;
import org.parley.processor.ProcessorSettings;
import org.parley.contracts.Topic;
import org.parley.processor.StreamsSettings;

/**
 * The baseline of the pipeline benchmark: a Kafka Streams app with the processor's own settings (exactly_once_v2,
 * the same commit interval, fetch wait, compression) that reads the articles topic with the Jackson serde and
 * writes every article back out, serialised again, so it moves the same bytes in and out and does no coding.
 */
public final class PassThroughApp implements AutoCloseable {
    private final KafkaStreams streams;
    private final AtomicLong firstRecordNanos = new AtomicLong();
    private final AtomicLong records = new AtomicLong();

    public PassThroughApp(ProcessorSettings config, String outputTopic) {
        Topic<String, Article> articles = config.topics().articles();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(articles.name(), Consumed.with(articles.keySerde(), articles.valueSerde())
                        .withName("articles-source"))
                .peek((id, a) -> {
                    firstRecordNanos.compareAndSet(0, System.nanoTime());
                    records.incrementAndGet();
                }, Named.as("count"))
                .to(outputTopic, Produced.with(articles.keySerde(), articles.valueSerde()).withName("copy-sink"));
        Properties props = StreamsSettings.of(config, null);
        this.streams = new KafkaStreams(builder.build(), props);
    }

    public PassThroughApp start() {
        streams.start();
        return this;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** System.nanoTime() when the first record went through, or 0 before that. */
    public long firstRecordNanos() {
        return firstRecordNanos.get();
    }

    public long records() {
        return records.get();
    }

    @Override
    public void close() {
        // cleanUp() refuses to run while a thread is still stopping; then the temporary state dir goes with the run.
        if (streams.close(Duration.ofSeconds(60))) {
            streams.cleanUp();
        }
    }
}
