package org.parley.ingest.dedup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups near-duplicate articles (the same wire story from another outlet, lightly edited) into clusters.
 * An article joins the cluster of the first earlier article whose SimHash is within {@link #maxDistance} bits;
 * otherwise it starts a cluster named by its own id.
 *
 * <p>Lookup splits the fingerprint into {@code maxDistance + 1} bands: two fingerprints that differ in at most
 * {@code maxDistance} bits agree on at least one band (pigeonhole), so only articles sharing a band are compared.
 * The index lives in memory for one ingest process; texts shorter than {@link #MIN_WORDS} words are too short
 * for SimHash to tell apart and always form their own cluster.
 *
 * <p>It keeps the fingerprints of the last {@code maxTexts} articles only, oldest forgotten first (logged once).
 * Every article that joins a cluster is kept under the cluster's id, so a story that keeps being copied keeps
 * its cluster; a copy that comes after {@code maxTexts} other articles, none of them a copy, starts a new one.
 */
public final class NearDuplicateIndex {
    public static final int DEFAULT_MAX_DISTANCE = 6;
    public static final int MIN_WORDS = 40;
    private static final Logger LOG = LoggerFactory.getLogger(NearDuplicateIndex.class);

    private record Entry(long fingerprint, String clusterId) {
    }

    private final int maxDistance;
    private final int bands;
    private final List<Map<Long, List<Entry>>> index = new ArrayList<>();
    private final int maxTexts;
    /** The entries in the order they were added, for forgetting the oldest. */
    private final ArrayDeque<Entry> added = new ArrayDeque<>();
    private boolean forgotten;

    public NearDuplicateIndex() {
        this(DEFAULT_MAX_DISTANCE);
    }

    public NearDuplicateIndex(int maxDistance) {
        this(maxDistance, Integer.MAX_VALUE);
    }

    /** @param maxTexts how many articles' fingerprints to keep */
    public NearDuplicateIndex(int maxDistance, int maxTexts) {
        if (maxTexts <= 0) {
            throw new IllegalArgumentException("maxTexts must be positive, got " + maxTexts);
        }
        this.maxTexts = maxTexts;
        if (maxDistance < 0 || maxDistance > 15) {
            throw new IllegalArgumentException("maxDistance must be 0..15, got " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.bands = maxDistance + 1;
        for (int i = 0; i < bands; i++) {
            index.add(new HashMap<>());
        }
    }

    /**
     * What the index needs of a text: its SimHash, or none when the text is too short to fingerprint. Pure, so
     * it can be computed on any thread ahead of {@link #clusterOf(String, Signature)}.
     */
    public record Signature(long fingerprint, boolean tooShort) {
    }

    public static Signature signature(String text) {
        long[] fpAndCount = SimHash.fingerprintAndWordCount(text);
        return new Signature(fpAndCount[0], fpAndCount[1] < MIN_WORDS);
    }

    /** The cluster this article belongs to, remembering it for the articles after it. */
    public String clusterOf(String id, String text) {
        return clusterOf(id, signature(text));
    }

    /** As {@link #clusterOf(String, String)}, with the signature computed beforehand. */
    public String clusterOf(String id, Signature signature) {
        if (signature.tooShort()) {
            return id;
        }
        long fp = signature.fingerprint();
        for (int b = 0; b < bands; b++) {
            List<Entry> bucket = index.get(b).get(band(fp, b));
            if (bucket == null) {
                continue;
            }
            for (Entry e : bucket) {
                if (SimHash.distance(fp, e.fingerprint()) <= maxDistance) {
                    add(fp, e.clusterId());
                    return e.clusterId();
                }
            }
        }
        add(fp, id);
        return id;
    }

    /** Fingerprints kept. */
    public int size() {
        return added.size();
    }

    private void add(long fp, String clusterId) {
        if (added.size() == maxTexts) {
            forget(added.poll());
        }
        Entry entry = new Entry(fp, clusterId);
        added.add(entry);
        for (int b = 0; b < bands; b++) {
            index.get(b).computeIfAbsent(band(fp, b), k -> new ArrayList<>(1)).add(entry);
        }
    }

    private void forget(Entry oldest) {
        if (!forgotten) {
            forgotten = true;
            LOG.info("near-duplicate index: keeping the latest {} fingerprints (PARLEY_INGEST_MAX_CLUSTER_TEXTS); "
                    + "a copy of an older story starts a cluster of its own", maxTexts);
        }
        for (int b = 0; b < bands; b++) {
            Long key = band(oldest.fingerprint(), b);
            List<Entry> bucket = index.get(b).get(key);
            // The oldest entry comes first in its buckets, which grow by appending.
            for (int i = 0; i < bucket.size(); i++) {
                if (bucket.get(i) == oldest) {
                    bucket.remove(i);
                    break;
                }
            }
            if (bucket.isEmpty()) {
                index.get(b).remove(key);
            }
        }
    }

    private long band(long fp, int b) {
        // Bands split the 64 bits as evenly as possible.
        int shift = b * 64 / bands;
        int width = (b + 1) * 64 / bands - shift;
        long mask = width >= 64 ? -1L : (1L << width) - 1;
        return (fp >>> shift) & mask;
    }
}
