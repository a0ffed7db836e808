package org.parley.processor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The names of the processor's internal topics, in the one place that knows how Kafka Streams names them
 * ({@code <application id>-<operation>-repartition}, {@code <application id>-<store>-changelog}), so that tools
 * watching the processor (run, demo, the benchmarks, tests) never build them by hand.
 */
public final class InternalTopics {
    private static final String REPARTITION = "-repartition";

    private InternalTopics() {
    }

    /** The repartition topic of the named operation, e.g. {@code StanceTopology.EVENTS_BY_DYAD}. */
    public static String repartition(String applicationId, String operation) {
        return applicationId + "-" + operation + REPARTITION;
    }

    /** Whether {@code topic} is one of the application's internal topics (repartition or changelog). */
    public static boolean isInternal(String applicationId, String topic) {
        return topic.startsWith(applicationId + "-");
    }

    /** The internal topic's name without the application id, e.g. {@code dyad-stance-changelog}: for reports. */
    public static String shortName(String applicationId, String topic) {
        return isInternal(applicationId, topic) ? topic.substring(applicationId.length() + 1) : topic;
    }

    /**
     * Every topic {@code topology} reads, its repartition topics under their full names: once the application's
     * consumer group has committed past the end of all of them, the processor has done everything it was given.
     */
    public static List<String> inputs(Topology topology, String applicationId) {
        Set<String> names = new LinkedHashSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().forEach(t -> names.add(t.endsWith(REPARTITION) ? applicationId + "-" + t : t));
                }
            }
        }
        return List.copyOf(names);
    }
}
