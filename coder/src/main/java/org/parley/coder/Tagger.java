package org.parley.coder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part-of-speech tags for a tokenised English sentence, from Apache OpenNLP's Universal Dependencies English
 * (UD English EWT) POS model {@value #POS_MODEL} in {@code opennlp-models-pos-en}, read from the classpath root.
 *
 * <p>What the model does, as measured on OpenNLP 2.5.4 with the 1.3.0 model jar:
 * <ul>
 *   <li>It is trained on UPOS tags and {@code POSTaggerME} outputs them by default ({@link POSTagFormat#UD}):
 *   VERB, NOUN, PROPN, AUX, ADP, DET, PRON, ADJ, ADV, PART, SCONJ, CCONJ, NUM, PUNCT, SYM, INTJ, X. Asking for
 *   {@link POSTagFormat#PENN} only maps these back to a lossy Penn subset (every verb {@code VB}, every AUX {@code MD}),
 *   so this class keeps UPOS.</li>
 *   <li>It also knows joined tags for English multi-word tokens that a tokeniser did not split, e.g. "I'm"
 *   {@code PRON+AUX}, "can't" {@code AUX+PART}. {@link #posTags} keeps the first part only (the head), so every
 *   tag is one of the 17 UPOS tags.</li>
 *   <li>It is run greedily (beam size 1, set by rewriting the model's manifest at load): on the 35,723 tokens of the
 *   news-quad dev sentences that gives the same tags as the shipped beam of 3, at 1.7 times the speed.</li>
 * </ul>
 *
 * <p>There is no lemmatizer: OpenNLP's UD English lemmatizer ran at about 200 sentences/s, far below the coder's
 * goal of 10,000, so the rules get their base forms from {@link Lemmas} instead and its model is not shipped.
 *
 * <p>The tags are decoded by {@link GreedyPosDecoder}, which gives {@code POSTaggerME}'s greedy tags at less cost.
 * The model is loaded once per JVM ({@link #english()}) and shared; it is read-only. The decoder is not thread-safe,
 * so each thread that tags gets its own, created on first use. An instance
 * is therefore safe to share between threads. {@link #posTags} never throws on odd tokens: null tokens count as
 * empty, and should OpenNLP fail on some input, the sentence comes back tagged {@code X}.
 */
final class Tagger {
    private static final Logger LOG = LoggerFactory.getLogger(Tagger.class);

    static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private static final class Holder {
        static final Tagger ENGLISH = load();

        private static Tagger load() {
            long start = System.nanoTime();
            try (InputStream pos = open(POS_MODEL)) {
                Tagger tagger = new Tagger(new POSModel(new ByteArrayInputStream(greedy(pos.readAllBytes()))));
                LOG.debug("OpenNLP English POS model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
                return tagger;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenNLP English POS model", e);
            }
        }

        /**
         * The POS model with beam size 1 in its manifest: greedy tagging. On the 35,723 tokens of the news-quad dev
         * sentences it gives the same tags as the shipped beam of 3, at 1.7 times the speed.
         */
        private static byte[] greedy(byte[] model) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(model.length);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    byte[] b = in.readAllBytes();
                    if (e.getName().equals("manifest.properties")) {
                        b = new String(b, StandardCharsets.ISO_8859_1)
                                .replaceAll("BeamSize=\\d+", "BeamSize=1").getBytes(StandardCharsets.ISO_8859_1);
                    }
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(b);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        }

        private static InputStream open(String resource) {
            InputStream in = Tagger.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
            }
            return in;
        }
    }

    private final POSModel posModel;
    private final ThreadLocal<GreedyPosDecoder> posTagger;

    private Tagger(POSModel posModel) {
        this.posModel = posModel;
        this.posTagger = ThreadLocal.withInitial(() -> new GreedyPosDecoder(posModel));
    }

    /** The model's own tagger, greedy as configured here: what {@link GreedyPosDecoder} is checked against. */
    POSTaggerME referenceTagger() {
        return new POSTaggerME(posModel, POSTagFormat.UD);
    }

    POSModel model() {
        return posModel;
    }

    /**
     * The English tagger, its model loaded on the first call and shared after.
     *
     * @throws IllegalStateException if the model jar is not on the classpath
     */
    static Tagger english() {
        try {
            return Holder.ENGLISH;
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new IllegalStateException("cannot load the OpenNLP English POS model", e.getCause() != null ? e.getCause() : e);
        }
    }

    /** One UPOS tag per token (joined tags cut to their head). Never null; as long as {@code tokens}. */
    String[] posTags(String[] tokens) {
        String[] toks = new String[tokens.length];
        for (int i = 0; i < toks.length; i++) {
            toks[i] = tokens[i] == null ? "" : tokens[i];
        }
        try {
            String[] tags = toks.length == 0 ? new String[0] : posTagger.get().tag(toks);
            for (int i = 0; i < tags.length; i++) {
                tags[i] = head(tags[i]);
            }
            return tags;
        } catch (RuntimeException e) {
            LOG.warn("OpenNLP failed on a sentence of {} tokens; tagging it X", toks.length, e);
            posTagger.remove();
            String[] tags = new String[toks.length];
            Arrays.fill(tags, "X");
            return tags;
        }
    }

    private static String head(String tag) {
        if (tag == null || tag.isEmpty()) {
            return "X";
        }
        int plus = tag.indexOf('+');
        return plus > 0 ? tag.substring(0, plus) : tag;
    }
}
