package org.parley.sink;

/**
 * What the sink has done since it started.
 *
 * @param eventsWritten      events appended to events.jsonl by this run
 * @param duplicatesSkipped  events not written because their id was already on disk
 * @param deadLettered       records sent to the dead-letter topic
 * @param aggregatesWritten  stance records (dyad, country, daily; tombstones too) applied to the snapshot files
 * @param snapshotFiles      stance snapshot files on disk (dyads, countries and one per day)
 * @param lag                records not yet written: end offset minus position, summed over the assigned
 *                           partitions; -1 while unknown (before the first assignment)
 * @param lastError          the fatal error that stopped the sink, or null
 */
public record SinkStats(long eventsWritten, long duplicatesSkipped, long deadLettered, long aggregatesWritten,
                        int snapshotFiles, long lag, String lastError) {
}
