package org.parley.processor.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** SSE ids ({@code topic-partition-offset}) and their parsing back into a position, as Last-Event-ID gives it. */
class FeedItemTest {
    private static FeedItem item(String topic, int partition, long offset) {
        return new FeedItem(topic, partition, offset, "event", "{}", new RecordHeaders());
    }

    @Test
    void anIdParsesBackToItsPositionEvenWhenTheTopicHasDashes() {
        FeedItem item = item("my-prefix.stance-dyad", 2, 1234567890123L);
        assertThat(item.id()).isEqualTo("my-prefix.stance-dyad-2-1234567890123");
        FeedItem.Position p = FeedItem.Position.parse(item.id());
        assertThat(p).isEqualTo(new FeedItem.Position("my-prefix.stance-dyad", 2, 1234567890123L));
        assertThat(p.isAt(item)).isTrue();
        assertThat(FeedItem.Position.parse("  t.events-0-7 \n")).isEqualTo(new FeedItem.Position("t.events", 0, 7));
    }

    @Test
    void whatIsNotAnIdParsesToNull() {
        for (String bad : new String[] {null, "", "   ", "garbage", "t.events", "t.events-7", "-0-7", "t.events-x-7",
            "t.events-0-x", "t.events-0-", "t.events--7", "t.events-0-99999999999999999999",
            "t.events-99999999999-1", "t.events-0-1.5"}) {
            assertThat(FeedItem.Position.parse(bad)).as("'%s'", bad).isNull();
        }
    }

    @Test
    void aPositionIsBeforeLaterOffsetsOfItsPartitionAndEverythingElsewhere() {
        FeedItem.Position p = FeedItem.Position.parse("t.events-1-10");
        assertThat(p.isAt(item("t.events", 1, 10))).isTrue();
        assertThat(p.isAt(item("t.events", 0, 10))).isFalse();
        assertThat(p.isAt(item("t.other", 1, 10))).isFalse();
        assertThat(p.isBefore(item("t.events", 1, 11))).isTrue();
        assertThat(p.isBefore(item("t.events", 1, 10))).isFalse();
        assertThat(p.isBefore(item("t.events", 1, 9))).isFalse();
        // Other partitions and topics have no order against it: their records count as after it.
        assertThat(p.isBefore(item("t.events", 0, 0))).isTrue();
        assertThat(p.isBefore(item("t.other", 1, 3))).isTrue();
    }
}
