package org.parley.sink.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.parley.common.Json;
import org.parley.sink.files.AtomicFiles;
import org.parley.sink.state.SinkState.TopicOffsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and atomically replaces {@code OUT/.sink/offsets.json}. */
public final class StateFile {
    public static final String DIR = ".sink";
    public static final String FILE = "offsets.json";

    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);

    private final Path file;
    private final Map<String, TopicOffsets> topics = new TreeMap<>();

    private StateFile(Path file) {
        this.file = file;
    }

    /** Loads the state; a missing or unreadable file gives an empty one (the topics are then read from the start). */
    public static StateFile load(Path file) {
        StateFile s = new StateFile(file);
        if (Files.exists(file)) {
            try {
                SinkState state = Json.mapper().readValue(file.toFile(), SinkState.class);
                if (state.topics() != null) {
                    state.topics().forEach((name, t) -> s.topics.put(name,
                            new TopicOffsets(t.topicId(), new TreeMap<>(t.next() == null ? Map.of() : t.next()))));
                }
            } catch (IOException e) {
                // Replaying from the start is safe: events are deduplicated by id and snapshots are idempotent.
                LOG.warn("{} is unreadable ({}); reading every topic from the beginning", file, e.getMessage());
            }
        }
        return s;
    }

    /** The stored next offset of a partition, if the stored topic id matches. */
    public OptionalLong next(String topic, String topicId, int partition) {
        TopicOffsets t = topics.get(topic);
        if (t == null || !t.topicId().equals(topicId)) {
            return OptionalLong.empty();
        }
        Long n = t.next().get(partition);
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** Whether offsets are stored for the topic under another id: it was deleted and created again. */
    public boolean recreated(String topic, String topicId) {
        TopicOffsets t = topics.get(topic);
        return t != null && !t.topicId().equals(topicId);
    }

    /** Forgets a topic's offsets, so that it is read from the beginning. */
    public void forget(String topic) {
        topics.remove(topic);
    }

    public void put(String topic, String topicId, int partition, long next) {
        TopicOffsets t = topics.get(topic);
        if (t == null || !t.topicId().equals(topicId)) {
            t = new TopicOffsets(topicId, new TreeMap<>());
            topics.put(topic, t);
        }
        t.next().put(partition, next);
    }

    /** Writes the state durably (temp file, fsync, rename, fsync directory). */
    public void save() {
        Map<String, TopicOffsets> copy = new HashMap<>(topics);
        try {
            AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new SinkState(new TreeMap<>(copy))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the sink state", e);
        }
    }
}
