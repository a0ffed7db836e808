package org.parley.contracts;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic bundled with its key and value serdes, so no call site passes a serde by hand.
 *
 * @param name      full topic name
 * @param keySerde  serde of the key
 * @param valueSerde serde of the value
 * @param compacted whether the topic keeps only the latest value per key
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
}
