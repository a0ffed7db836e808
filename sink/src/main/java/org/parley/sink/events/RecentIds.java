package org.parley.sink.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ids of the last {@code capacity} events added, oldest forgotten first. Event ids are 16 hex digits (64 bits
 * of a SHA-256, see the coder), so each is held as one long: 24 bytes an id at most (a ring in insertion order and
 * an open-addressing table at most half full), against about 130 for a {@code HashSet<String>}. Any other id is
 * held as the first 64 bits of its own SHA-256. Ids that already are numbers (the GDELT export's GLOBALEVENTIDs)
 * go in as they are, by {@link #addKey} and {@link #containsKey}.
 *
 * <p>Not thread-safe.
 */
public final class RecentIds {
    private static final int MIN_TABLE = 1024;

    private final int capacity;
    /** Ids in insertion order; once full, {@code next} is also the oldest. */
    private long[] ring = new long[0];
    private int next;
    private int count;
    /** Linear probing; 0 marks an empty slot, so the id 0 lives in {@code hasZero}. */
    private long[] table = new long[MIN_TABLE];
    private int tableCount;
    private boolean hasZero;
    private boolean evicted;

    public RecentIds(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The id as the long it is held under. */
    static long key(String id) {
        if (id.length() == 16) {
            long v = 0;
            for (int i = 0; i < 16; i++) {
                int d = Character.digit(id.charAt(i), 16);
                if (d < 0 || Character.isUpperCase(id.charAt(i))) {
                    return hashed(id);
                }
                v = (v << 4) | d;
            }
            return v;
        }
        return hashed(id);
    }

    private static long hashed(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    boolean contains(String id) {
        return containsKey(key(id));
    }

    /**
     * Remembers the id, forgetting the oldest when full.
     *
     * @return true when this add forgot an id for the first time (for the caller to log once)
     */
    boolean add(String id) {
        return addKey(key(id));
    }

    /**
     * Remembers a numeric id, forgetting the oldest when full.
     *
     * @return true when this add forgot an id for the first time (for the caller to log once)
     */
    public boolean addKey(long k) {
        if (containsKey(k)) {
            return false;
        }
        boolean firstEviction = false;
        if (count == capacity) {
            remove(ring[next]);
            count--;
            firstEviction = !evicted;
            evicted = true;
        } else if (count == ring.length) {
            growRing();
        }
        ring[next] = k;
        next = (next + 1) % ring.length;
        count++;
        insert(k);
        return firstEviction;
    }

    public int size() {
        return count;
    }

    public int capacity() {
        return capacity;
    }

    private void growRing() {
        // Only while not yet full, so the ring holds ids 0..count-1 in order and next == count.
        long[] bigger = new long[(int) Math.min(capacity, Math.max(1024L, ring.length * 2L))];
        System.arraycopy(ring, 0, bigger, 0, count);
        ring = bigger;
        next = count;
    }

    /** Whether this numeric id is among the latest {@link #capacity()} added. */
    public boolean containsKey(long k) {
        if (k == 0) {
            return hasZero;
        }
        int mask = table.length - 1;
        for (int i = slot(k, mask); table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == k) {
                return true;
            }
        }
        return false;
    }

    private void insert(long k) {
        if (k == 0) {
            hasZero = true;
            return;
        }
        if ((tableCount + 1) * 2L > table.length) {
            rehash(table.length * 2);
        }
        int mask = table.length - 1;
        int i = slot(k, mask);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = k;
        tableCount++;
    }

    /** Backward-shift deletion: no tombstones, so lookups stay short however many ids come and go. */
    private void remove(long k) {
        if (k == 0) {
            hasZero = false;
            return;
        }
        int mask = table.length - 1;
        int i = slot(k, mask);
        while (table[i] != k) {
            if (table[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        int hole = i;
        for (int j = (hole + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int home = slot(table[j], mask);
            // Move j into the hole unless its home lies cyclically in (hole, j].
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = 0;
        tableCount--;
    }

    private void rehash(int size) {
        long[] old = table;
        table = new long[size];
        tableCount = 0;
        for (long k : old) {
            if (k != 0) {
                insert(k);
            }
        }
    }

    private static int slot(long k, int mask) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
