package org.parley.ingest;

import org.parley.contracts.ParleyEnv;

/**
 * What an ingest process remembers, each bounded and read from the environment (docs/operations.md, "Bounded
 * memory"). Forgetting costs no correctness: the processor drops article ids it has seen, whoever sends them.
 *
 * @param seenIds       article ids remembered to count and skip duplicates without sending them (about 100 bytes
 *                      each); an article seen before that is forgotten is sent again and dropped downstream
 * @param clusterTexts  articles whose SimHash the near-duplicate index keeps (about 700 bytes each); a copy of
 *                      a story none of whose kept articles is within reach starts a cluster of its own
 * @param feedItems     item guids or links remembered per feed, least recently listed forgotten first; a feed
 *                      listing more items than this has them fetched again at each poll (and found duplicates)
 */
public record IngestBounds(int seenIds, int clusterTexts, int feedItems) {
    public static final String MAX_SEEN_IDS = "PARLEY_INGEST_MAX_SEEN_IDS";
    public static final String MAX_CLUSTER_TEXTS = "PARLEY_INGEST_MAX_CLUSTER_TEXTS";
    public static final String MAX_FEED_ITEMS = "PARLEY_FEED_MAX_SEEN_ITEMS";

    public IngestBounds {
        ParleyEnv.requirePositive(MAX_SEEN_IDS, seenIds);
        ParleyEnv.requirePositive(MAX_CLUSTER_TEXTS, clusterTexts);
        ParleyEnv.requirePositive(MAX_FEED_ITEMS, feedItems);
    }

    /** About 10 MB of ids, 35 MB of fingerprints (wire copies come within days), and 1 MB per feed. */
    public static IngestBounds defaults() {
        return new IngestBounds(100_000, 50_000, 10_000);
    }

    public static IngestBounds fromEnv(ParleyEnv env) {
        IngestBounds d = defaults();
        return new IngestBounds(env.integer(MAX_SEEN_IDS, d.seenIds), env.integer(MAX_CLUSTER_TEXTS, d.clusterTexts),
                env.integer(MAX_FEED_ITEMS, d.feedItems));
    }

}
