package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.contracts.Topics;
import org.parley.processor.metrics.PipelineMetrics;
import org.parley.processor.stance.StanceSettings;
import org.parley.processor.stance.StanceTopology;

class InternalTopicsTest {
    @Test
    void theInputsAreTheArticlesAndEveryRepartitionTopicUnderItsFullName() {
        Topics topics = new Topics("t");
        var topology = ParleyTopology.buildTopology(topics, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults(), PipelineMetrics.NONE);
        assertThat(InternalTopics.inputs(topology, "app")).contains(topics.articles().name(),
                InternalTopics.repartition("app", StanceTopology.EVENTS_BY_DYAD),
                InternalTopics.repartition("app", StanceTopology.COUNTRY_SHARES))
                .allMatch(t -> t.startsWith("t.") || t.startsWith("app-") && t.endsWith("-repartition"));
        assertThat(InternalTopics.repartition("app", "x")).isEqualTo("app-x-repartition");
        assertThat(InternalTopics.isInternal("app", "app-x-changelog")).isTrue();
        assertThat(InternalTopics.isInternal("app", "t.articles")).isFalse();
        assertThat(InternalTopics.shortName("app", "app-x-changelog")).isEqualTo("x-changelog");
    }
}
