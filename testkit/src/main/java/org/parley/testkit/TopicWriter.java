package org.parley.testkit;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.parley.contracts.KafkaSettings;

/** Writes test input the way the processor writes its output: raw bytes, in one committed transaction. */
public final class TopicWriter {
    private TopicWriter() {
    }

    /** Sends every record in one transaction and commits it (exactly_once_v2 output looks like this). */
    public static void produceInTransaction(KafkaSettings config, List<ProducerRecord<byte[], byte[]>> records) {
        Properties p = config.kafkaProperties();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "parley-test-" + UUID.randomUUID());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(producer::send);
            producer.commitTransaction();
        }
    }
}
