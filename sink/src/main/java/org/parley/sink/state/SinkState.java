package org.parley.sink.state;

import java.util.Map;
import java.util.TreeMap;

/**
 * Offsets up to which the files in the output directory hold every record, stored next to those files. The
 * files, not the consumer group, are the truth about what was written: a fresh output directory is filled from
 * the beginning of the topics, and a crash between writing and committing replays nothing.
 *
 * @param topics per topic name, its id and next offset per partition
 */
public record SinkState(Map<String, TopicOffsets> topics) {

    /**
     * @param topicId the topic's id; a topic deleted and created again under the same name gets a new one, and
     *                then the stored offsets no longer apply
     * @param next    per partition, the offset of the next record to read
     */
    public record TopicOffsets(String topicId, Map<Integer, Long> next) {
    }

    public static SinkState empty() {
        return new SinkState(new TreeMap<>());
    }
}
