package org.parley.processor.coding;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.Article;

/**
 * Passes each version of an article once. Ingest derives the id from the normalised text, so re-ingesting an
 * article changes nothing downstream; a file that changes after it was read comes again under its first id with
 * new text (docs/ingest.md), and that new version passes. Its events that the old version had too keep their ids
 * and are dropped downstream as duplicates; events only the old version had are not retracted (docs/operations.md).
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
        long fingerprint = fingerprint(a.text());
        Long before = seen.get(record.key());
        if (before != null && before == fingerprint) {
            return;
        }
        seen.put(record.key(), fingerprint);
        context.forward(record);
    }

    /** 64 bits of the text's SHA-256: which version of an article was passed. */
    static long fingerprint(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(d).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
