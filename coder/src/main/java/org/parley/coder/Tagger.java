package org.parley.coder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part-of-speech tags and lemmas for a tokenised English sentence, from Apache OpenNLP's Universal Dependencies
 * English (UD English EWT) models: {@value #POS_MODEL} in {@code opennlp-models-pos-en} and {@value #LEMMA_MODEL}
 * in {@code opennlp-models-lemmatizer-en}, both read from the classpath root.
 *
 * <p>What the models do, as measured on OpenNLP 2.5.4 with the 1.3.0 model jars:
 * <ul>
 *   <li>The POS model is trained on UPOS tags and {@code POSTaggerME} outputs them by default ({@link POSTagFormat#UD}):
 *   VERB, NOUN, PROPN, AUX, ADP, DET, PRON, ADJ, ADV, PART, SCONJ, CCONJ, NUM, PUNCT, SYM, INTJ, X. Asking for
 *   {@link POSTagFormat#PENN} only maps these back to a lossy Penn subset (every verb {@code VB}, every AUX {@code MD}),
 *   so this class keeps UPOS.</li>
 *   <li>The model also knows joined tags for English multi-word tokens that a tokeniser did not split, e.g. "I'm"
 *   {@code PRON+AUX}, "can't" {@code AUX+PART}. {@link Tagged#tags()} keeps the first part only (the head), so every
 *   tag is one of the 17 UPOS tags; the lemma keeps both parts ("i+be", "can+not").</li>
 *   <li>The lemmatizer uses the POS tag as a feature and was trained with UPOS: "left" tagged NOUN stays "left",
 *   tagged VERB becomes "leave". Penn tags (NN, VBD) are unknown features to it and are ignored, so it must be fed
 *   the tagger's UPOS output, as here.</li>
 *   <li>The lemmatizer lower-cases ("Russia" gives "russia"), normalises a little ("1,200" gives "1200", an em dash
 *   gives "-") and answers "O" (keep) or "_" (empty) for some tokens; those fall back to the lower-cased token. Its
 *   lemmas follow UD EWT's choices, which are not always a dictionary's ("troops" stays "troops").</li>
 * </ul>
 *
 * <p>The models are loaded once per JVM ({@link #english()}) and shared; they are read-only. OpenNLP's
 * {@code POSTaggerME} and {@code LemmatizerME} are not thread-safe, so each thread that tags gets its own pair,
 * created on first use. An instance is therefore safe to share between threads. {@link #tag} never throws on odd
 * tokens: null tokens count as empty, and should OpenNLP fail on some input, the sentence comes back tagged {@code X}
 * with lower-cased tokens as lemmas.
 */
final class Tagger {
    private static final Logger LOG = LoggerFactory.getLogger(Tagger.class);

    static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    static final String LEMMA_MODEL = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    /** Tags and lemmas, one per input token. The arrays are fresh for each call and belong to the caller. */
    record Tagged(String[] tags, String[] lemmas) {
        static final Tagged EMPTY = new Tagged(new String[0], new String[0]);

        int size() {
            return tags.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tagged t && Arrays.equals(tags, t.tags) && Arrays.equals(lemmas, t.lemmas);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(tags) + Arrays.hashCode(lemmas);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Tagged[");
            for (int i = 0; i < tags.length; i++) {
                b.append(i == 0 ? "" : " ").append(lemmas[i]).append('/').append(tags[i]);
            }
            return b.append(']').toString();
        }
    }

    private static final class Holder {
        static final Tagger ENGLISH = load();

        private static Tagger load() {
            long start = System.nanoTime();
            try (InputStream pos = open(POS_MODEL); InputStream lemmas = open(LEMMA_MODEL)) {
                Tagger tagger = new Tagger(new POSModel(new ByteArrayInputStream(greedy(pos.readAllBytes()))),
                        new LemmatizerModel(lemmas));
                LOG.debug("OpenNLP English models loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
                return tagger;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenNLP English models", e);
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

    private final ThreadLocal<POSTaggerME> posTagger;
    private final ThreadLocal<LemmatizerME> lemmatizer;

    private Tagger(POSModel posModel, LemmatizerModel lemmaModel) {
        this.posTagger = ThreadLocal.withInitial(() -> new POSTaggerME(posModel, POSTagFormat.UD));
        this.lemmatizer = ThreadLocal.withInitial(() -> new LemmatizerME(lemmaModel));
    }

    /**
     * The English tagger, its models loaded on the first call (about a second) and shared after.
     *
     * @throws IllegalStateException if the model jars are not on the classpath
     */
    static Tagger english() {
        try {
            return Holder.ENGLISH;
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new IllegalStateException("cannot load the OpenNLP English models", e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * UPOS tags only, without lemmas: the coder's path (the lemmatizer costs about ten times the tagger, and
     * {@link Lemmas} gives the rules the base forms they need). Never null; as long as {@code tokens}.
     */
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
            java.util.Arrays.fill(tags, "X");
            return tags;
        }
    }

    /** Tags and lemmatises one sentence's tokens. Never null; as long as {@code tokens}. */
    Tagged tag(String[] tokens) {
        if (tokens.length == 0) {
            return Tagged.EMPTY;
        }
        String[] toks = new String[tokens.length];
        for (int i = 0; i < toks.length; i++) {
            toks[i] = tokens[i] == null ? "" : tokens[i];
        }
        try {
            String[] tags = posTagger.get().tag(toks);
            // The lemmatizer was trained on the tagger's own output format, joined tags included.
            String[] lemmas = lemmatizer.get().lemmatize(toks, tags);
            for (int i = 0; i < toks.length; i++) {
                tags[i] = head(tags[i]);
                lemmas[i] = lemma(toks[i], lemmas[i]);
            }
            return new Tagged(tags, lemmas);
        } catch (RuntimeException e) {
            LOG.warn("OpenNLP failed on a sentence of {} tokens; tagging it X", toks.length, e);
            posTagger.remove();
            lemmatizer.remove();
            String[] tags = new String[toks.length];
            String[] lemmas = new String[toks.length];
            for (int i = 0; i < toks.length; i++) {
                tags[i] = "X";
                lemmas[i] = toks[i].toLowerCase(Locale.ROOT);
            }
            return new Tagged(tags, lemmas);
        }
    }

    private static String head(String tag) {
        if (tag == null || tag.isEmpty()) {
            return "X";
        }
        int plus = tag.indexOf('+');
        return plus > 0 ? tag.substring(0, plus) : tag;
    }

    private static String lemma(String token, String lemma) {
        if (lemma == null || lemma.isEmpty() || lemma.equals("O") || lemma.equals("_")) {
            return token.toLowerCase(Locale.ROOT);
        }
        return lemma.toLowerCase(Locale.ROOT);
    }
}
