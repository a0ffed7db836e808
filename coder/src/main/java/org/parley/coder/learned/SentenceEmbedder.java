package org.parley.coder.learned;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Turns a sentence into a fixed-length vector. The shipped one is all-MiniLM-L6-v2 (Apache-2.0), quantized, run
 * in process by ONNX Runtime from the jar on Maven Central: no network, no model download.
 */
@FunctionalInterface
public interface SentenceEmbedder {
    /** Vector length of {@link #miniLm()}. */
    int MINILM_DIMENSIONS = 384;

    float[] embed(String sentence);

    /**
     * The shipped model, loaded once per JVM on first call (about a second) and shared: it is thread-safe.
     * Throws an {@link Error} where ONNX Runtime has no native library for the platform.
     */
    static SentenceEmbedder miniLm() {
        return MiniLm.SHARED;
    }

    /** Holder: the model loads when first asked for, not when the coder class loads. */
    final class MiniLm {
        private static final SentenceEmbedder SHARED = load();

        private MiniLm() {
        }

        private static SentenceEmbedder load() {
            AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            return text -> model.embed(text).content().vector();
        }
    }
}
