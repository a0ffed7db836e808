package org.parley.processor.coding;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.Article;

/**
 * Passes each article id once. Ingest derives the id from the normalised text, so re-ingesting an article
 * changes nothing downstream.
 */
public final class ArticleDeduplicator implements FixedKeyProcessor<String, Article, Article> {
    private final String storeName;
    private FixedKeyProcessorContext<String, Article> context;
    private KeyValueStore<String, Long> seen;

    public ArticleDeduplicator(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        if (record.key() == null || record.value() == null) {
            return; // a tombstone or an unkeyed record carries no article
        }
        Article a = record.value();
        // Thrown, not dropped: the processing exception handler dead-letters the record with its origin.
        if (a.id() == null || a.id().isBlank()) {
            throw new IllegalArgumentException("article at key " + record.key() + " has no id");
        }
        if (a.text() == null) {
            throw new IllegalArgumentException("article " + a.id() + " has no text");
        }
        if (seen.get(record.key()) != null) {
            return;
        }
        seen.put(record.key(), record.timestamp());
        context.forward(record);
    }
}
