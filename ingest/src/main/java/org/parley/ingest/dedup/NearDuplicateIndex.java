package org.parley.ingest.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups near-duplicate articles (the same wire story from another outlet, lightly edited) into clusters.
 * An article joins the cluster of the first earlier article whose SimHash is within {@link #maxDistance} bits;
 * otherwise it starts a cluster named by its own id.
 *
 * <p>Lookup splits the fingerprint into {@code maxDistance + 1} bands: two fingerprints that differ in at most
 * {@code maxDistance} bits agree on at least one band (pigeonhole), so only articles sharing a band are compared.
 * The index lives in memory for one ingest process; texts shorter than {@link #MIN_WORDS} words are too short
 * for SimHash to tell apart and always form their own cluster.
 */
public final class NearDuplicateIndex {
    public static final int DEFAULT_MAX_DISTANCE = 6;
    public static final int MIN_WORDS = 40;

    private record Entry(long fingerprint, String clusterId) {
    }

    private final int maxDistance;
    private final int bands;
    private final List<Map<Long, List<Entry>>> index = new ArrayList<>();

    public NearDuplicateIndex() {
        this(DEFAULT_MAX_DISTANCE);
    }

    public NearDuplicateIndex(int maxDistance) {
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

    private void add(long fp, String clusterId) {
        Entry entry = new Entry(fp, clusterId);
        for (int b = 0; b < bands; b++) {
            index.get(b).computeIfAbsent(band(fp, b), k -> new ArrayList<>(1)).add(entry);
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
