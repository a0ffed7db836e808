package org.parley.processor.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;
import org.parley.common.Event;

/** How an article's stance events are split between the partitions of the dyad stores. */
class StanceTopologyTest {
    private static final EventCoder CODER = EventCoder.withDefaultDictionaries();

    @Test
    void aDyadGoesWhereTheDefaultPartitionerSendsItsKeySoInteractiveQueriesFindIt() {
        for (String dyad : List.of("RUS->USA", "USA->RUS", "FRA->DEU", "CHN->TWN", "UKR->RUS", "GBR->IRN")) {
            for (int partitions : new int[] {1, 2, 3, 7, 12}) {
                assertThat(StanceTopology.partitionOf(dyad, partitions)).as(dyad + " over " + partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(dyad.getBytes(StandardCharsets.UTF_8),
                                partitions));
            }
        }
    }

    @Test
    void anArticleMakesOneRecordPerPartitionOfItsDyadsEachRoutedToThatPartition() {
        List<Event> events = CODER.code(new CoderInput("a1", "Russia and the United States held talks in Istanbul. "
                + "France criticized Germany. China accused Japan of provocations. Iran and Britain signed an "
                + "agreement.", LocalDate.parse("2025-02-28"), Instant.parse("2025-02-28T12:00:00Z"))).events();
        int partitions = 3;
        List<KeyValue<String, List<StanceEvent>>> records = StanceTopology.byPartition("a1", events, partitions);

        List<String> seen = new ArrayList<>();
        for (KeyValue<String, List<StanceEvent>> r : records) {
            int p = StanceTopology.partitionOfBundle("t", r.key, r.value, partitions).orElseThrow().iterator().next();
            assertThat(r.key).isEqualTo("a1#" + p);
            assertThat(r.value).allSatisfy(e -> assertThat(StanceTopology.partitionOf(e.dyadKey(), partitions))
                    .isEqualTo(p));
            r.value.forEach(e -> seen.add(e.id()));
        }
        assertThat(records.size()).isLessThanOrEqualTo(partitions);
        List<String> expected = events.stream().filter(e -> e.target() != null && e.source().isIdentified()
                && e.target().isIdentified()).map(Event::id).toList();
        assertThat(expected.size()).isGreaterThan(records.size());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }
}
