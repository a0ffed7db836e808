package org.parley.processor.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.parley.contracts.KafkaOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails some topics with one read_committed consumer and pushes every record to the connected subscribers:
 * what the SSE endpoints serve. Only committed output is shown, so a live view never shows a result that an
 * aborted transaction later takes back.
 *
 * <p>The latest {@code bufferSize} records stay in memory (on start the consumer backs up to fill it), so a
 * client that reconnects with {@code Last-Event-ID} gets exactly what it missed as long as that id is still in
 * the buffer; when it is not, it gets the newer records of that id's partition and the whole buffer of the
 * others.
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private final KafkaOutage outage;

    private final String name;
    private final Properties consumerProps;
    private final Map<String, String> typeByTopic;
    private final int bufferSize;
    private final Deque<FeedItem> buffer = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final Object lock = new Object();
    private volatile boolean running;
    private volatile boolean caughtUp;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    /** Something that receives feed items; called on the feed's thread, so it must not block. */
    public interface Subscriber {
        void accept(FeedItem item);
    }

    /**
     * @param typeByTopic each topic to tail, with the SSE event name its records get
     */
    public LiveFeed(String name, Properties kafkaProperties, Map<String, String> typeByTopic, int bufferSize) {
        this.name = name;
        this.typeByTopic = Map.copyOf(typeByTopic);
        this.bufferSize = bufferSize;
        Properties p = new Properties();
        p.putAll(kafkaProperties);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Latency: hand records over as soon as a transaction commits them.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProps = p;
        this.outage = new KafkaOutage("live feed " + name, LOG);
    }

    public String name() {
        return name;
    }

    public LiveFeed start() {
        consumer = new KafkaConsumer<>(consumerProps);
        running = true;
        thread = new Thread(this::run, "parley-live-" + name);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** True while the feed cannot reach its broker (it retries with backoff until it can). */
    public boolean kafkaDown() {
        return outage.isDown();
    }

    /** True once the feed has read up to the end of its topics as they were at start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /**
     * Adds a subscriber and hands it, first, the buffered records after {@code resumeFrom} (none when
     * resumeFrom is null) that pass the filter, then every new one that passes. No record is lost or repeated
     * between the two.
     */
    public void subscribe(Subscriber s, FeedItem.Position resumeFrom, Predicate<FeedItem> filter) {
        Subscriber filtered = filter == null ? s : new Filtered(s, filter);
        synchronized (lock) {
            if (resumeFrom != null) {
                for (FeedItem item : backlog(resumeFrom)) {
                    filtered.accept(item);
                }
            }
            subscribers.add(filtered);
        }
    }

    public void unsubscribe(Subscriber s) {
        subscribers.removeIf(x -> x == s || (x instanceof Filtered f && f.target == s));
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private List<FeedItem> backlog(FeedItem.Position from) {
        List<FeedItem> out = new ArrayList<>();
        boolean found = false;
        for (FeedItem item : buffer) {
            if (found) {
                out.add(item);
            } else if (from.isAt(item)) {
                found = true;
                out.clear();
            } else if (from.isBefore(item)) {
                out.add(item);
            }
        }
        return out;
    }

    /** Reads until closed, riding out broker outages: a live feed that stopped would leave every client silent. */
    private void run() {
        try {
            Map<TopicPartition, Long> ends = null;
            while (running) {
                try {
                    ends = ends == null ? assignAndBackUp() : ends;
                    pollOnce(ends);
                    outage.succeeded();
                } catch (RetriableException e) {
                    outage.failed(e);
                    pause(outage.untilRetry());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("live feed {} stopped", name, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void pollOnce(Map<TopicPartition, Long> ends) {
        var records = consumer.poll(Duration.ofMillis(200));
        synchronized (lock) {
            for (ConsumerRecord<String, String> r : records) {
                FeedItem item = new FeedItem(r.topic(), r.partition(), r.offset(), typeByTopic.get(r.topic()),
                        r.value(), r.headers());
                buffer.addLast(item);
                if (buffer.size() > bufferSize) {
                    buffer.removeFirst();
                }
                deliver(item);
            }
        }
        if (!caughtUp && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            caughtUp = true;
        }
    }

    /** One failing client (a closed connection) loses its subscription, not everyone's feed. */
    private void deliver(FeedItem item) {
        for (Subscriber s : subscribers) {
            try {
                s.accept(item);
            } catch (RuntimeException e) {
                LOG.warn("live feed {}: a subscriber failed and was removed: {}", name, e.toString());
                subscribers.remove(s);
            }
        }
    }

    /** Waits out a backoff in short steps, so that close() is not held up. */
    private void pause(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (running && System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(end - System.nanoTime(), 100_000_000L));
        }
    }

    private Map<TopicPartition, Long> assignAndBackUp() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : typeByTopic.keySet()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new UnknownTopicOrPartitionException("topic " + topic + " does not exist yet");
            }
            for (PartitionInfo p : infos) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
        long perPartition = Math.max(1, bufferSize / Math.max(1, partitions.size()));
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - perPartition));
        }
        return ends;
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Filtered(Subscriber target, Predicate<FeedItem> filter) implements Subscriber {
        @Override
        public void accept(FeedItem item) {
            if (filter.test(item)) {
                target.accept(item);
            }
        }
    }
}
