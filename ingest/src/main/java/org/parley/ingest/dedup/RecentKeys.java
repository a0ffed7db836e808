package org.parley.ingest.dedup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of at most {@code capacity} keys that forgets the least recently used one first: a key added again, or
 * looked up with {@link #add}, counts as used. The first key forgotten is logged once, naming the setting that
 * sets the bound and what forgetting costs. Not thread-safe.
 */
public final class RecentKeys {
    private static final Logger LOG = LoggerFactory.getLogger(RecentKeys.class);

    private final int capacity;
    private final String description;
    private final Map<String, Boolean> keys;
    private boolean forgotten;

    /**
     * @param description what is kept, its setting and what forgetting costs, for the one log line, e.g.
     *                    "article ids (PARLEY_INGEST_MAX_SEEN_IDS); an older article is sent again"
     */
    public RecentKeys(int capacity, String description) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.description = description;
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentKeys.this.capacity && forget();
            }
        };
    }

    /** Adds the key, or marks it used if present. @return whether it was not there */
    public boolean add(String key) {
        return keys.put(key, Boolean.TRUE) == null;
    }

    public boolean contains(String key) {
        return keys.containsKey(key);
    }

    public void remove(String key) {
        keys.remove(key);
    }

    public int size() {
        return keys.size();
    }

    public int capacity() {
        return capacity;
    }

    private boolean forget() {
        if (!forgotten) {
            forgotten = true;
            LOG.info("remembering the latest {} {}", capacity, description);
        }
        return true;
    }
}
